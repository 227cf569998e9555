package nl.koers.navigation.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalState;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.Days;

/** The open CRITICAL and WARNING signals, the most recently escalated first: what needs a decision. */
final class AttentionSection {

    private AttentionSection() {
    }

    static void write(Document document, ReportContext report) {
        Words words = report.words();
        List<SignalView> signals = report.programme().signals().stream()
                .filter(signal -> signal.severity() != Severity.INFO)
                .sorted(Comparator.comparing((SignalView signal) -> escalated(report, signal)).reversed()
                        .thenComparing(SignalView::id))
                .toList();
        document.heading(2, words.text("attention.title")).table(List.of(words.text("column.severity"),
                        words.text("column.signal"), words.text("column.about"), words.text("column.since"),
                        words.text("column.what"), words.text("column.state")),
                signals.stream().map(signal -> List.of(
                        new Document.Cell(words.label(signal.severity()), Tone.of(signal.severity())),
                        Document.Cell.plain(words.label(signal.type())),
                        Document.Cell.plain(report.name(signal.subject())),
                        Document.Cell.plain(words.date(Days.dateOf(escalated(report, signal)))),
                        Document.Cell.plain(report.sentence(signal)),
                        Document.Cell.plain(state(words, signal)))).toList());
    }

    static String state(Words words, SignalView signal) {
        if (signal.state() == SignalState.ACKNOWLEDGED && signal.acknowledgement() != null) {
            return words.text("signal.acknowledgedBy", signal.acknowledgement().by(),
                    words.date(Days.dateOf(signal.acknowledgement().at())));
        }
        return words.label(signal.state());
    }

    private static Instant escalated(ReportContext report, SignalView signal) {
        return report.facts().lastEscalation().getOrDefault(signal.id(), signal.raisedAt());
    }
}

package nl.koers.navigation.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.history.Changes;
import nl.koers.navigation.history.HistoryEntry;

/** The open signals that need no decision, and every signal change since the last meeting, in plain words. */
final class SignalSection {

    private SignalSection() {
    }

    static void write(Document document, ReportContext report) {
        Words words = report.words();
        document.heading(2, words.text("signals.title")).heading(3, words.text("signals.otherOpen")).table(
                List.of(words.text("column.signal"), words.text("column.about"), words.text("column.raised"),
                        words.text("column.what"), words.text("column.state")),
                report.programme().signals().stream().filter(signal -> signal.severity() == Severity.INFO)
                        .map(signal -> List.of(Document.Cell.plain(words.label(signal.type())),
                                Document.Cell.plain(report.name(signal.subject())),
                                Document.Cell.plain(words.moment(signal.raisedAt())),
                                Document.Cell.plain(report.sentence(signal)),
                                Document.Cell.plain(AttentionSection.state(words, signal)))).toList());
        document.heading(3, words.text("signals.changes", report.since())).bullets(changes(report));
    }

    /** Every raise, severity change, acknowledgement and clearance since, in the order they were recorded. */
    private static List<String> changes(ReportContext report) {
        Words words = report.words();
        Changes.SignalChanges signals = report.changes().signals();
        List<Map.Entry<HistoryEntry, String>> lines = new ArrayList<>();
        signals.raised().forEach(entry -> lines.add(Map.entry(entry, line(report, entry, "signals.raised"))));
        signals.escalated().forEach(entry -> lines.add(Map.entry(entry, line(report, entry, "signals.escalated"))));
        signals.deescalated().forEach(entry -> lines.add(Map.entry(entry, line(report, entry, "signals.deescalated"))));
        signals.acknowledged().forEach(entry -> {
            SignalAcknowledged acknowledged = (SignalAcknowledged) report.event(entry);
            String about = SignalId.parse(acknowledged.signalId())
                    .map(id -> words.label(id.type()) + " (" + report.name(id.subject()) + ")")
                    .orElse(acknowledged.signalId());
            lines.add(Map.entry(entry, words.text("signals.acknowledged", words.moment(entry.recordedAt()), about,
                    acknowledged.by(), acknowledged.note())));
        });
        signals.cleared().forEach(entry -> {
            SignalCleared cleared = (SignalCleared) report.event(entry);
            lines.add(Map.entry(entry, words.text("signals.cleared", words.moment(entry.recordedAt()),
                    words.label(cleared.type()), report.name(cleared.subject()))));
        });
        return lines.stream().sorted(Comparator.comparingLong(line -> line.getKey().sequence()))
                .map(Map.Entry::getValue).toList();
    }

    /** A raise or severity change: when, the severity now, what and about what, and the sentence with the numbers. */
    private static String line(ReportContext report, HistoryEntry entry, String key) {
        ProgrammeEvent event = report.event(entry);
        if (event instanceof SignalRaised raised) {
            return line(report, entry, key, raised.type(), raised.severity(), raised.subject(), raised.evidence(),
                    raised.explanation());
        } else if (event instanceof SignalSeverityChanged changed) {
            return line(report, entry, key, changed.type(), changed.severity(), changed.subject(), changed.evidence(),
                    changed.explanation());
        }
        throw new IllegalArgumentException("Neither a raise nor a severity change: " + event);
    }

    private static String line(ReportContext report, HistoryEntry entry, String key, SignalType type,
                               Severity severity, Subject subject, Map<String, Object> evidence, String explanation) {
        Words words = report.words();
        String sentence = new SignalSentences(words).of(type, severity, evidence, report.name(subject),
                report.unit(subject), explanation);
        return words.text(key, words.moment(entry.recordedAt()), words.label(severity), words.label(type),
                report.name(subject), sentence);
    }
}

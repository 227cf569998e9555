package nl.koers.navigation.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.signal.Severity;
import nl.koers.navigation.history.Changes;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.ProgrammeView;
import nl.koers.rules.Days;

/** What a committee sees in ten seconds: health beside delivery confidence, what changed, and the decisions due. */
final class HeadlineSection {

    private HeadlineSection() {
    }

    static void write(Document document, ReportContext report) {
        Words words = report.words();
        ProgrammeView programme = report.programme();
        Map<Severity, Integer> open = programme.openSignals();
        int critical = open.getOrDefault(Severity.CRITICAL, 0);
        int warning = open.getOrDefault(Severity.WARNING, 0);
        Tone attention = critical > 0 ? Tone.BAD : warning > 0 ? Tone.WATCH : Tone.GOOD;
        document.heading(2, words.text("headline.title")).facts(List.of(
                new Document.Fact(words.text("headline.health"),
                        new Document.Cell(words.label(programme.health()), Tone.of(programme.health()))),
                new Document.Fact(words.text("headline.confidence"), new Document.Cell(
                        programme.lastDeliveryConfidence() == null ? words.text("headline.noConfidence")
                                : words.label(programme.lastDeliveryConfidence()),
                        Tone.of(programme.lastDeliveryConfidence()))),
                new Document.Fact(words.text("headline.attention"),
                        new Document.Cell(words.text("headline.attentionCount", critical, warning), attention)),
                new Document.Fact(words.text("headline.status"), Document.Cell.plain(words.label(programme.status())))));
        document.heading(3, words.text("headline.changed", report.since()))
                .bullets(changed(report));
        document.heading(3, words.text("headline.decisionsDue")).bullets(decisionsDue(report, critical + warning));
    }

    private static List<String> changed(ReportContext report) {
        Words words = report.words();
        Changes changes = report.changes();
        List<String> lines = new ArrayList<>();
        long corrected = changes.correctionsAndRetractions().stream()
                .filter(entry -> entry.eventType() == ReadingCorrected.class).count();
        lines.add(words.text("headline.readings", changes.readings().size(), corrected,
                changes.correctionsAndRetractions().size() - corrected));
        changes.milestoneMoves().forEach(entry -> lines.add(MilestoneSection.movement(report, entry)));
        Changes.SignalChanges signals = changes.signals();
        lines.add(words.text("headline.signals", signals.raised().size(), signals.escalated().size(),
                signals.acknowledged().size(), signals.cleared().size()));
        changes.decisions().forEach(entry -> report.programme().evaluations().stream()
                .filter(evaluation -> evaluation.id().equals(entry.subject().id()) && evaluation.outcome() != null)
                .forEach(evaluation -> lines.add(words.text("headline.decision", evaluation.title(),
                        words.date(evaluation.outcome().heldOn()), words.label(evaluation.outcome().decision())))));
        return lines;
    }

    /** The evaluations still to hold (overdue first), and how many signals ask for a decision. */
    private static List<String> decisionsDue(ReportContext report, int signals) {
        Words words = report.words();
        List<String> lines = new ArrayList<>();
        if (signals > 0) {
            lines.add(words.text("headline.signalsToDecide", signals));
        }
        report.programme().evaluations().stream().filter(evaluation -> evaluation.outcome() == null)
                .sorted(Comparator.comparing(EvaluationView::scheduledFor))
                .forEach(evaluation -> {
                    long days = ChronoUnit.DAYS.between(Days.dateOf(report.at()), evaluation.scheduledFor());
                    String when = days < 0 ? words.text("headline.overdue", -days)
                            : days == 0 ? words.text("headline.today") : words.text("headline.inDays", days);
                    lines.add(words.text("headline.evaluation", evaluation.title(),
                            words.date(evaluation.scheduledFor()), when));
                });
        return lines;
    }
}

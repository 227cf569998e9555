package nl.koers.navigation.report;

import java.util.List;

import nl.koers.navigation.programme.DecisionFollowUp;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.rules.CourseCorrection;

/** The decisions taken, with the follow-up of each ADJUST: did the KPIs it addressed turn toward their plan? */
final class DecisionSection {

    private DecisionSection() {
    }

    static void write(Document document, ReportContext report) {
        Words words = report.words();
        List<String> newDecisions = report.changes().decisions().stream().map(entry -> entry.subject().id()).toList();
        document.heading(2, words.text("decisions.title")).table(List.of(words.text("column.evaluation"),
                        words.text("column.heldOn"), words.text("column.confidence"), words.text("column.decision"),
                        words.text("column.summary"), words.text("column.new")),
                report.programme().evaluations().stream().filter(evaluation -> evaluation.outcome() != null)
                        .map(evaluation -> List.of(Document.Cell.plain(evaluation.title()),
                                Document.Cell.plain(words.date(evaluation.outcome().heldOn())),
                                new Document.Cell(words.label(evaluation.outcome().deliveryConfidence()),
                                        Tone.of(evaluation.outcome().deliveryConfidence())),
                                Document.Cell.plain(words.label(evaluation.outcome().decision())),
                                Document.Cell.plain(evaluation.outcome().summary()),
                                Document.Cell.plain(newDecisions.contains(evaluation.id()) ? words.text("yes") : "")))
                        .toList());
        for (DecisionFollowUp followUp : report.facts().followUps()) {
            EvaluationView evaluation = followUp.evaluation();
            document.heading(3, words.text("decisions.followUp", evaluation.title(),
                            words.date(evaluation.outcome().heldOn())))
                    .table(List.of(words.text("column.kpi"), words.text("column.trendBefore"),
                                    words.text("column.trendSince"), words.text("column.deviationBefore"),
                                    words.text("column.deviationNow"), words.text("column.towardPlan")),
                            followUp.kpis().stream().map(kpi -> {
                                CourseCorrection c = kpi.correction();
                                return List.of(Document.Cell.plain(kpi.name()),
                                        Document.Cell.plain(words.signed(c.slopePerWeekBefore())),
                                        Document.Cell.plain(words.signed(c.slopePerWeekAfter())),
                                        Document.Cell.plain(words.signed(c.deviationBefore())),
                                        Document.Cell.plain(words.signed(c.deviationAfter())),
                                        toward(words, c.movedTowardPlan()));
                            }).toList());
            if (!evaluation.outcome().actions().isEmpty()) {
                document.table(List.of(words.text("column.action"), words.text("column.owner"),
                                words.text("column.due")),
                        evaluation.outcome().actions().stream().map(action -> List.of(
                                Document.Cell.plain(action.description()), Document.Cell.plain(action.owner()),
                                Document.Cell.plain(words.date(action.dueDate())))).toList());
            }
        }
    }

    private static Document.Cell toward(Words words, Boolean moved) {
        if (moved == null) {
            return new Document.Cell(words.text("decisions.notYetKnown"), Tone.NEUTRAL);
        }
        return moved ? new Document.Cell(words.text("yes"), Tone.GOOD) : new Document.Cell(words.text("no"), Tone.BAD);
    }
}

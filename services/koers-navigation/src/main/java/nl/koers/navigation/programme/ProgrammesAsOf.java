package nl.koers.navigation.programme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.koers.api.evaluation.Decision;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.history.HistoryTables;
import nl.koers.navigation.history.RecordedEvent;
import nl.koers.rules.Days;
import org.springframework.stereotype.Component;

/**
 * Views as they were known at a past moment (transaction time): the programme's events recorded up to then, read from
 * the history table (one programme's rows, never the whole event store) and folded into the rows the projection
 * keeps, then turned into views by the same code as today's views. Nothing recorded later is seen, so the answer
 * for a moment in the past never changes.
 */
@Component
class ProgrammesAsOf {

    private final HistoryTables history;

    ProgrammesAsOf(HistoryTables history) {
        this.history = history;
    }

    Optional<ProgrammeView> programme(String programmeId, Instant asOf) {
        ProgrammeFold fold = fold(programmeId, asOf);
        return fold.defined() ? Optional.of(fold.view(asOf)) : Optional.empty();
    }

    /**
     * The portfolio as it was known at {@code asOf}: each programme defined by then, folded from its own events, its
     * evaluations and its signals (health and confidence need nothing else), so readings are never read.
     */
    List<ProgrammeSummary> programmes(Instant asOf) {
        return history.portfolioEvents(asOf).values().stream().map(events -> {
            ProgrammeFold fold = new ProgrammeFold();
            events.forEach(recorded -> fold.apply(recorded.event(), recorded.recordedAt()));
            return fold.summary();
        }).toList();
    }

    Optional<KpiView> kpi(String programmeId, String kpiId, Instant asOf) {
        return Optional.ofNullable(fold(programmeId, asOf).kpi(kpiId, asOf));
    }

    Optional<MilestoneView> milestone(String programmeId, String milestoneId, Instant asOf) {
        return programme(programmeId, asOf)
                .flatMap(programme -> programme.milestones().stream().filter(m -> m.id().equals(milestoneId)).findFirst());
    }

    Optional<EvaluationView> evaluation(String programmeId, String evaluationId, Instant asOf) {
        return programme(programmeId, asOf)
                .flatMap(programme -> programme.evaluations().stream().filter(e -> e.id().equals(evaluationId)).findFirst());
    }

    /**
     * Every ADJUST decision known at {@code asOf} with the follow-up of the KPIs it addressed: those of its addressed
     * KPI signals, or every KPI of the programme when it addressed none.
     */
    Optional<List<DecisionFollowUp>> followUps(String programmeId, Instant asOf) {
        ProgrammeFold fold = fold(programmeId, asOf);
        return fold.defined() ? Optional.of(followUps(fold, fold.view(asOf))) : Optional.empty();
    }

    /** What the steering report shows as of {@code asOf}, from one reading of the programme's events. */
    Optional<ReportFacts> report(String programmeId, Instant asOf) {
        ProgrammeFold fold = fold(programmeId, asOf);
        if (!fold.defined()) {
            return Optional.empty();
        }
        ProgrammeView programme = fold.view(asOf);
        return Optional.of(new ReportFacts(programme, fold.pictures(asOf), followUps(fold, programme),
                fold.lastEscalation()));
    }

    private static List<DecisionFollowUp> followUps(ProgrammeFold fold, ProgrammeView programme) {
        return programme.evaluations().stream()
                .filter(evaluation -> evaluation.outcome() != null && evaluation.outcome().decision() == Decision.ADJUST)
                .map(evaluation -> {
                    Instant decidedAt = Days.startOf(evaluation.outcome().heldOn());
                    List<String> addressed = evaluation.outcome().addressedSignals() == null ? List.of()
                            : evaluation.outcome().addressedSignals().stream()
                                    .flatMap(id -> SignalId.parse(id).stream())
                                    .filter(id -> id.subject().kind() == Subject.Kind.KPI)
                                    .map(id -> id.subject().id()).distinct().toList();
                    List<DecisionFollowUp.KpiFollowUp> kpis = programme.kpis().stream()
                            .filter(kpi -> addressed.isEmpty() || addressed.contains(kpi.id()))
                            .map(kpi -> new DecisionFollowUp.KpiFollowUp(kpi.id(), kpi.name(),
                                    fold.courseCorrection(kpi.id(), decidedAt)))
                            .toList();
                    return new DecisionFollowUp(evaluation, kpis);
                })
                .toList();
    }

    private ProgrammeFold fold(String programmeId, Instant asOf) {
        ProgrammeFold fold = new ProgrammeFold();
        for (RecordedEvent recorded : history.events(programmeId, asOf)) {
            fold.apply(recorded.event(), recorded.recordedAt());
        }
        return fold;
    }
}

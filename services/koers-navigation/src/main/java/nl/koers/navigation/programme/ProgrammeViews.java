package nl.koers.navigation.programme;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.koers.api.programme.Objective;
import nl.koers.api.signal.Severity;
import nl.koers.navigation.signal.SignalView;
import nl.koers.navigation.signal.SignalViews;
import nl.koers.rules.Health;
import nl.koers.rules.MilestoneRules;
import nl.koers.rules.MilestoneSlip;
import nl.koers.rules.ProgrammeHealth;

/** Where a programme's health, last delivery confidence and milestone slips are decided: rows in, views out. */
final class ProgrammeViews {

    /** Milestones by due date, evaluations by the day they are scheduled for, as the tables are read. */
    static final Comparator<MilestoneView> MILESTONE_ORDER = Comparator.comparing(MilestoneView::dueDate)
            .thenComparing(MilestoneView::id);
    static final Comparator<EvaluationView> EVALUATION_ORDER = Comparator.comparing(EvaluationView::scheduledFor)
            .thenComparing(EvaluationView::id);

    private ProgrammeViews() {
    }

    /** The programme's picture from its parts; {@code open}: its open signals, newest first. */
    static ProgrammeView view(ProgrammeRow row, List<Objective> objectives, List<KpiView> kpis,
                              List<MilestoneView> milestones, List<EvaluationView> evaluations, List<SignalView> open) {
        Map<Severity, Integer> counts = SignalViews.openCounts(open);
        return new ProgrammeView(row.programmeId(), row.name(), row.description(), row.owner(), row.startDate(),
                row.plannedEndDate(), row.status(), health(counts), lastOutcome(evaluations)
                .map(EvaluationView.Outcome::deliveryConfidence).orElse(null),
                counts, objectives, kpis, milestones, evaluations, open, row.definedAt());
    }

    /** The programme in the portfolio; {@code lastOutcome}: that of the evaluation held last, if any. */
    static ProgrammeSummary summary(ProgrammeRow row, Map<Severity, Integer> openCounts,
                                    Optional<EvaluationView.Outcome> lastOutcome) {
        return new ProgrammeSummary(row.programmeId(), row.name(), row.owner(), row.status(), row.startDate(),
                row.plannedEndDate(), health(openCounts),
                lastOutcome.map(EvaluationView.Outcome::deliveryConfidence).orElse(null),
                lastOutcome.map(EvaluationView.Outcome::heldOn).orElse(null), openCounts);
    }

    static Health health(Map<Severity, Integer> openCounts) {
        return ProgrammeHealth.of(openCounts.entrySet().stream()
                .filter(count -> count.getValue() > 0).map(Map.Entry::getKey).toList());
    }

    /** The outcome of the evaluation held last (of two held on one day, the one recorded last). */
    static Optional<EvaluationView.Outcome> lastOutcome(List<EvaluationView> evaluations) {
        return evaluations.stream()
                .map(EvaluationView::outcome)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(EvaluationView.Outcome::heldOn).thenComparing(EvaluationView.Outcome::recordedAt));
    }

    /**
     * The milestone with its slip from the forecast, measured from its own start date or, without one, from
     * {@code programmeStart}.
     */
    static MilestoneView milestone(MilestoneRow row, LocalDate programmeStart, List<MilestoneView.Rebaseline> rebaselines) {
        LocalDate due = row.dueDate();
        LocalDate forecast = row.forecastDate();
        return new MilestoneView(row.programmeId(), row.milestoneId(), row.title(), row.startDate(), due,
                row.originalDueDate(), forecast,
                forecast == null ? null : ChronoUnit.DAYS.between(due, forecast),
                forecast == null ? null : MilestoneRules.slip(programmeStart, row.startDate(), due, forecast)
                        .map(MilestoneSlip::slipPercent).orElse(null),
                row.achievedOn(), row.cancelled(), row.cancelReason(), rebaselines);
    }
}

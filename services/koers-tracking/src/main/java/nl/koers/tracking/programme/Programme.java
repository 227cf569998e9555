package nl.koers.tracking.programme;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static nl.koers.tracking.Require.notBlank;
import static nl.koers.tracking.Require.present;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.evaluation.RecordEvaluationOutcome;
import nl.koers.api.evaluation.ScheduleEvaluation;
import nl.koers.api.milestone.AchieveMilestone;
import nl.koers.api.milestone.CancelMilestone;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.milestone.RebaselineMilestone;
import nl.koers.api.milestone.UpdateMilestoneForecast;
import nl.koers.api.kpi.Lever;
import nl.koers.api.programme.AssessLeverCoverage;
import nl.koers.api.programme.CheckProgrammeDeadlines;
import nl.koers.api.programme.CloseProgramme;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.PauseProgramme;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.programme.ResumeProgramme;
import nl.koers.api.signal.AcknowledgeProgrammeSignal;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.rules.Days;
import nl.koers.rules.EvaluationRules;
import nl.koers.rules.MilestoneRules;
import nl.koers.rules.MilestoneSlip;
import nl.koers.tracking.signal.Figures;
import nl.koers.tracking.signal.SignalBoard;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * A programme with its milestones and evaluation moments. They live inside the programme because their rules need
 * its status and start date, and they change rarely compared to KPI readings, which have their own aggregate.
 * The programme owns the signals on itself, its milestones and its evaluations: it raises, escalates and clears them
 * in the command that changes their condition, and in the sweep's checks for those that depend on time.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private ProgrammeStatus status;
    private LocalDate startDate;
    private Map<String, Milestone> milestones = new HashMap<>();
    private Map<String, Evaluation> evaluations = new HashMap<>();
    /** The latest held-on date of the recorded outcomes, null before the first. */
    private LocalDate lastHeldOn;
    @AggregateMember
    private SignalBoard signals = new SignalBoard();

    protected Programme() {
        // for Axon and snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineProgramme command) {
        if (programmeId != null) {
            throw new ConflictException("Programme " + programmeId + " already exists");
        }
        notBlank(command.programmeId(), "programmeId");
        notBlank(command.name(), "name");
        present(command.startDate(), "startDate");
        present(command.plannedEndDate(), "plannedEndDate");
        if (!command.plannedEndDate().isAfter(command.startDate())) {
            throw new RuleViolationException("plannedEndDate", "plannedEndDate must be after startDate");
        }
        requireDistinctObjectives(command);
        apply(new ProgrammeDefined(command.programmeId(), command.name(), command.description(), command.owner(),
                command.startDate(), command.plannedEndDate(), command.objectives()));
    }

    private static void requireDistinctObjectives(DefineProgramme command) {
        Map<String, Objective> byId = new HashMap<>();
        for (Objective objective : command.objectives()) {
            if (objective == null || objective.id() == null || objective.id().isBlank()
                    || objective.statement() == null || objective.statement().isBlank()) {
                throw new RuleViolationException("objectives", "every objective needs an id and a statement");
            }
            if (byId.putIfAbsent(objective.id(), objective) != null) {
                throw new RuleViolationException("objectives", "objective id " + objective.id() + " is used twice");
            }
        }
    }

    @CommandHandler
    public void handle(PauseProgramme command) {
        requireNotClosed();
        if (status == ProgrammeStatus.PAUSED) {
            throw new ConflictException("Programme " + programmeId + " is already paused");
        }
        apply(new ProgrammePaused(programmeId, command.reason()));
    }

    @CommandHandler
    public void handle(ResumeProgramme command) {
        if (status != ProgrammeStatus.PAUSED) {
            throw new ConflictException(
                    "Programme " + programmeId + " is " + status + "; only a paused programme can resume");
        }
        apply(new ProgrammeResumed(programmeId, command.reason()));
    }

    @CommandHandler
    public void handle(CloseProgramme command) {
        requireNotClosed();
        apply(new ProgrammeClosed(programmeId, command.reason()));
        applyAll(signals.clearAll("The programme was closed."));
    }

    /** Raises or clears MILESTONE_OVERDUE and EVALUATION_OVERDUE as of the sweep's now; only an ACTIVE programme raises. */
    @CommandHandler
    public void handle(CheckProgrammeDeadlines command) {
        if (status == ProgrammeStatus.CLOSED) {
            return;
        }
        present(command.now(), "now");
        Instant now = command.now();
        new TreeMap<>(milestones).forEach((milestoneId, milestone) -> {
            if (milestone.state() == MilestoneState.OPEN) {
                applyAll(timeDriven(Subject.milestone(programmeId, milestoneId), SignalType.MILESTONE_OVERDUE,
                        overdue(milestone, now), "Milestone '" + milestone.title() + "' is no longer overdue."));
            }
        });
        new TreeMap<>(evaluations).forEach((evaluationId, evaluation) ->
                applyAll(timeDriven(Subject.evaluation(programmeId, evaluationId), SignalType.EVALUATION_OVERDUE,
                        overdue(evaluation, now), "Evaluation '" + evaluation.title() + "' is no longer overdue.")));
        applyAll(timeDriven(Subject.programme(programmeId), SignalType.EVALUATION_OVERDUE, evaluationGap(now),
                "An evaluation outcome was held in the last " + EvaluationRules.PROGRAMME_INTERVAL_DAYS + " days."));
    }

    /** Raises or clears LEVER_UNMEASURED for the levers the programme's KPIs measure. */
    @CommandHandler
    public void handle(AssessLeverCoverage command) {
        if (status == ProgrammeStatus.CLOSED) {
            return;
        }
        Set<Lever> unmeasured = EnumSet.allOf(Lever.class);
        unmeasured.removeAll(command.measuredLevers());
        Optional<Detected> detected = Optional.of(unmeasured).filter(levers -> !levers.isEmpty())
                .map(Programme::unmeasuredLevers);
        applyAll(signals.reconcile(Subject.programme(programmeId), SignalType.LEVER_UNMEASURED, detected,
                "Every one of the six levers has a KPI now."));
    }

    @CommandHandler
    public void handle(AcknowledgeProgrammeSignal command) {
        requireNotClosed();
        signals.acknowledge(command.signalId(), command.by(), command.note()).ifPresent(
                acknowledged -> apply(acknowledged));
    }

    @CommandHandler
    public void handle(PlanMilestone command) {
        requireNotClosed();
        notBlank(command.milestoneId(), "milestoneId");
        if (milestones.containsKey(command.milestoneId())) {
            throw new ConflictException("Milestone " + command.milestoneId() + " already exists");
        }
        notBlank(command.title(), "title");
        requireDueDateAfterStart(command.dueDate());
        requireMilestoneStartWithin(command.startDate(), command.dueDate());
        apply(new MilestonePlanned(programmeId, command.milestoneId(), command.title(), command.dueDate(),
                command.startDate()));
    }

    @CommandHandler
    public void handle(UpdateMilestoneForecast command) {
        Milestone milestone = openMilestone(command.milestoneId());
        present(command.forecastDate(), "forecastDate");
        apply(new MilestoneForecastUpdated(programmeId, command.milestoneId(), command.forecastDate(),
                milestone.forecastDate(), command.reason()));
        applyAll(slipping(command.milestoneId()));
    }

    @CommandHandler
    public void handle(RebaselineMilestone command, Clock clock) {
        Milestone milestone = openMilestone(command.milestoneId());
        requireDueDateAfterStart(command.dueDate());
        if (milestone.startDate() != null && !command.dueDate().isAfter(milestone.startDate())) {
            throw new RuleViolationException("dueDate",
                    "dueDate must be after the milestone's start date " + milestone.startDate());
        }
        notBlank(command.reason(), "reason");
        notBlank(command.approvedBy(), "approvedBy");
        apply(new MilestoneRebaselined(programmeId, command.milestoneId(), command.dueDate(), milestone.dueDate(),
                command.reason(), command.approvedBy()));
        Milestone rebaselined = milestones.get(command.milestoneId());
        Subject subject = Subject.milestone(programmeId, command.milestoneId());
        applyAll(slipping(command.milestoneId()));
        applyAll(signals.reconcile(subject, SignalType.MILESTONE_REBASELINED_AGAIN, rebaselinedAgain(rebaselined),
                "Milestone '" + rebaselined.title() + "' was re-baselined fewer than two times."));
        // Only the sweep raises MILESTONE_OVERDUE; a new due date that has not passed clears it at once.
        applyAll(signals.reconcileWithoutRaising(subject, SignalType.MILESTONE_OVERDUE,
                overdue(rebaselined, clock.instant()), "Milestone '" + rebaselined.title()
                        + "' was re-baselined to " + rebaselined.dueDate() + ", which has not passed."));
    }

    @CommandHandler
    public void handle(AchieveMilestone command) {
        openMilestone(command.milestoneId());
        present(command.achievedOn(), "achievedOn");
        apply(new MilestoneAchieved(programmeId, command.milestoneId(), command.achievedOn()));
        applyAll(clearMilestoneSignals(command.milestoneId(), "achieved on " + command.achievedOn()));
    }

    @CommandHandler
    public void handle(CancelMilestone command) {
        openMilestone(command.milestoneId());
        notBlank(command.reason(), "reason");
        apply(new MilestoneCancelled(programmeId, command.milestoneId(), command.reason()));
        applyAll(clearMilestoneSignals(command.milestoneId(), "cancelled"));
    }

    @CommandHandler
    public void handle(ScheduleEvaluation command) {
        requireNotClosed();
        notBlank(command.evaluationId(), "evaluationId");
        if (evaluations.containsKey(command.evaluationId())) {
            throw new ConflictException("Evaluation " + command.evaluationId() + " already exists");
        }
        notBlank(command.title(), "title");
        present(command.scheduledFor(), "scheduledFor");
        apply(new EvaluationScheduled(programmeId, command.evaluationId(), command.title(), command.scheduledFor()));
    }

    @CommandHandler
    public void handle(RecordEvaluationOutcome command, Clock clock) {
        requireNotClosed();
        Evaluation evaluation = evaluations.get(command.evaluationId());
        if (evaluation == null) {
            throw new NotFoundException("Evaluation " + command.evaluationId() + " not found");
        }
        if (evaluation.outcomeRecorded()) {
            throw new ConflictException("Evaluation " + command.evaluationId() + " already has an outcome");
        }
        present(command.heldOn(), "heldOn");
        present(command.deliveryConfidence(), "deliveryConfidence");
        present(command.decision(), "decision");
        notBlank(command.summary(), "summary");
        apply(new EvaluationOutcomeRecorded(programmeId, command.evaluationId(), command.heldOn(),
                command.deliveryConfidence(), command.decision(), command.summary(), command.actions(),
                command.addressedSignals()));
        applyAll(signals.clear(Subject.evaluation(programmeId, command.evaluationId()), SignalType.EVALUATION_OVERDUE,
                "Evaluation '" + evaluation.title() + "' was held on " + command.heldOn() + "."));
        applyAll(signals.reconcileWithoutRaising(Subject.programme(programmeId), SignalType.EVALUATION_OVERDUE,
                evaluationGap(clock.instant()), "An evaluation outcome was held on " + command.heldOn() + "."));
    }

    private void applyAll(List<Object> events) {
        events.forEach(event -> apply(event));
    }

    /** Time-driven signals are raised only while the programme is ACTIVE; paused, they can only clear. */
    private List<Object> timeDriven(Subject subject, SignalType type, Optional<Detected> detected, String clearedBecause) {
        return signals.reconcileAsTimePasses(subject, type, detected, clearedBecause, status == ProgrammeStatus.ACTIVE);
    }

    private List<Object> slipping(String milestoneId) {
        Milestone milestone = milestones.get(milestoneId);
        Optional<Detected> detected = Optional.ofNullable(milestone.forecastDate())
                .flatMap(forecast -> MilestoneRules.slip(startDate, milestone.startDate(), milestone.dueDate(), forecast))
                .map(slip -> slipping(milestone, slip));
        return signals.reconcile(Subject.milestone(programmeId, milestoneId), SignalType.MILESTONE_SLIPPING, detected,
                "Milestone '" + milestone.title() + "' is forecast on or before its due date " + milestone.dueDate()
                        + ".");
    }

    private List<Object> clearMilestoneSignals(String milestoneId, String because) {
        Subject subject = Subject.milestone(programmeId, milestoneId);
        String explanation = "Milestone '" + milestones.get(milestoneId).title() + "' was " + because + ".";
        List<Object> events = new ArrayList<>();
        for (SignalType type : List.of(SignalType.MILESTONE_SLIPPING, SignalType.MILESTONE_OVERDUE,
                SignalType.MILESTONE_REBASELINED_AGAIN)) {
            events.addAll(signals.clear(subject, type, explanation));
        }
        return events;
    }

    private Detected slipping(Milestone milestone, MilestoneSlip slip) {
        String explanation = "Milestone '" + milestone.title() + "' is forecast for " + milestone.forecastDate() + ", "
                + slip.slipDays() + " days after its due date of " + milestone.dueDate() + ": a slip of "
                + Figures.show(slip.slipPercent()) + " % of the " + slip.plannedDays() + " days planned for it"
                + (slip.severity() == Severity.CRITICAL
                        ? ", " + MilestoneSlip.CRITICAL_PERCENT + " % or more."
                        : ", under " + MilestoneSlip.CRITICAL_PERCENT + " %.");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("dueDate", milestone.dueDate().toString());
        evidence.put("forecastDate", milestone.forecastDate().toString());
        evidence.put("slipDays", slip.slipDays());
        evidence.put("plannedDays", slip.plannedDays());
        evidence.put("slipPercent", slip.slipPercent());
        return new Detected(slip.severity(), explanation, evidence);
    }

    private static Optional<Detected> rebaselinedAgain(Milestone milestone) {
        if (!MilestoneRules.isRebaselinedAgain(milestone.rebaselines())) {
            return Optional.empty();
        }
        String explanation = "Milestone '" + milestone.title() + "' has been re-baselined " + milestone.rebaselines()
                + " times: first due on " + milestone.originalDueDate() + ", now on " + milestone.dueDate() + ".";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rebaselines", milestone.rebaselines());
        evidence.put("originalDueDate", milestone.originalDueDate().toString());
        evidence.put("dueDate", milestone.dueDate().toString());
        return Optional.of(new Detected(MilestoneRules.REBASELINED_AGAIN_SEVERITY, explanation, evidence));
    }

    private static Optional<Detected> overdue(Milestone milestone, Instant now) {
        if (!MilestoneRules.isOverdue(milestone.dueDate(), milestone.state() == MilestoneState.ACHIEVED,
                milestone.state() == MilestoneState.CANCELLED, now)) {
            return Optional.empty();
        }
        long daysOverdue = ChronoUnit.DAYS.between(milestone.dueDate(), Days.dateOf(now));
        String explanation = "Milestone '" + milestone.title() + "' was due on " + milestone.dueDate() + " and is "
                + daysOverdue + " days overdue: neither achieved nor cancelled.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("dueDate", milestone.dueDate().toString());
        evidence.put("daysOverdue", daysOverdue);
        return Optional.of(new Detected(MilestoneRules.OVERDUE_SEVERITY, explanation, evidence));
    }

    private static Optional<Detected> overdue(Evaluation evaluation, Instant now) {
        if (!EvaluationRules.isOverdue(evaluation.scheduledFor(), evaluation.outcomeRecorded(), now)) {
            return Optional.empty();
        }
        long daysOverdue = ChronoUnit.DAYS.between(evaluation.scheduledFor(), Days.dateOf(now));
        String explanation = "Evaluation '" + evaluation.title() + "' was scheduled for " + evaluation.scheduledFor()
                + " and has no outcome " + daysOverdue + " days later, more than the " + EvaluationRules.GRACE_DAYS
                + " days allowed.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("scheduledFor", evaluation.scheduledFor().toString());
        evidence.put("daysOverdue", daysOverdue);
        evidence.put("graceDays", EvaluationRules.GRACE_DAYS);
        return Optional.of(new Detected(EvaluationRules.SEVERITY, explanation, evidence));
    }

    private Optional<Detected> evaluationGap(Instant now) {
        return EvaluationRules.programmeOverdue(startDate, Optional.ofNullable(lastHeldOn), now).map(gap -> {
            String explanation = "No evaluation outcome has been held for " + gap.daysWithout() + " days, since "
                    + gap.since() + "; at most " + EvaluationRules.PROGRAMME_INTERVAL_DAYS
                    + " days should pass without one.";
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("since", gap.since().toString());
            evidence.put("daysWithout", gap.daysWithout());
            evidence.put("allowedDays", EvaluationRules.PROGRAMME_INTERVAL_DAYS);
            return new Detected(EvaluationRules.SEVERITY, explanation, evidence);
        });
    }

    private static Detected unmeasuredLevers(Set<Lever> unmeasured) {
        List<String> names = unmeasured.stream().map(Lever::name).toList();
        String explanation = names.size() + " of the " + Lever.values().length + " levers have no KPI: "
                + String.join(", ", names) + ".";
        return new Detected(Severity.INFO, explanation, Map.of("unmeasuredLevers", names));
    }

    private void requireNotClosed() {
        if (status == ProgrammeStatus.CLOSED) {
            throw new ConflictException("Programme " + programmeId + " is closed");
        }
    }

    private void requireDueDateAfterStart(LocalDate dueDate) {
        present(dueDate, "dueDate");
        if (!dueDate.isAfter(startDate)) {
            throw new RuleViolationException("dueDate",
                    "dueDate must be after the programme's start date " + startDate);
        }
    }

    /** A milestone's own start, when it has one, lies within the programme and before its due date. */
    private void requireMilestoneStartWithin(LocalDate milestoneStart, LocalDate dueDate) {
        if (milestoneStart != null && (milestoneStart.isBefore(startDate) || !dueDate.isAfter(milestoneStart))) {
            throw new RuleViolationException("startDate", "startDate must lie on or after the programme's start date "
                    + startDate + " and before the dueDate " + dueDate);
        }
    }

    /** The milestone that still accepts changes: neither achieved nor cancelled, in a programme that is not closed. */
    private Milestone openMilestone(String milestoneId) {
        requireNotClosed();
        Milestone milestone = milestones.get(milestoneId);
        if (milestone == null) {
            throw new NotFoundException("Milestone " + milestoneId + " not found");
        }
        if (milestone.state() != MilestoneState.OPEN) {
            throw new ConflictException("Milestone " + milestoneId + " is " + milestone.state());
        }
        return milestone;
    }

    @EventSourcingHandler
    void on(ProgrammeDefined event) {
        programmeId = event.programmeId();
        status = ProgrammeStatus.ACTIVE;
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(ProgrammePaused event) {
        status = ProgrammeStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(ProgrammeResumed event) {
        status = ProgrammeStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProgrammeClosed event) {
        status = ProgrammeStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(MilestonePlanned event) {
        milestones.put(event.milestoneId(), new Milestone(event.title(), event.startDate(), event.dueDate(),
                event.dueDate(), 0, null, MilestoneState.OPEN));
    }

    @EventSourcingHandler
    void on(MilestoneForecastUpdated event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withForecastDate(event.forecastDate()));
    }

    @EventSourcingHandler
    void on(MilestoneRebaselined event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.rebaselinedTo(event.dueDate()));
    }

    @EventSourcingHandler
    void on(MilestoneAchieved event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withState(MilestoneState.ACHIEVED));
    }

    @EventSourcingHandler
    void on(MilestoneCancelled event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withState(MilestoneState.CANCELLED));
    }

    @EventSourcingHandler
    void on(EvaluationScheduled event) {
        evaluations.put(event.evaluationId(), new Evaluation(event.title(), event.scheduledFor(), false));
    }

    @EventSourcingHandler
    void on(EvaluationOutcomeRecorded event) {
        evaluations.computeIfPresent(event.evaluationId(), (id, evaluation) -> evaluation.withOutcome());
        if (lastHeldOn == null || event.heldOn().isAfter(lastHeldOn)) {
            lastHeldOn = event.heldOn();
        }
    }

    enum MilestoneState {
        OPEN, ACHIEVED, CANCELLED
    }

    /**
     * What the milestone rules and signals need: the title to name it, the baseline (and the first one, and how often
     * it was re-baselined), the forecast, and its state.
     */
    record Milestone(
            String title,
            LocalDate startDate,
            LocalDate originalDueDate,
            LocalDate dueDate,
            int rebaselines,
            LocalDate forecastDate,
            MilestoneState state) {

        Milestone withForecastDate(LocalDate newForecastDate) {
            return new Milestone(title, startDate, originalDueDate, dueDate, rebaselines, newForecastDate, state);
        }

        Milestone rebaselinedTo(LocalDate newDueDate) {
            return new Milestone(title, startDate, originalDueDate, newDueDate, rebaselines + 1, forecastDate, state);
        }

        Milestone withState(MilestoneState newState) {
            return new Milestone(title, startDate, originalDueDate, dueDate, rebaselines, forecastDate, newState);
        }
    }

    record Evaluation(String title, LocalDate scheduledFor, boolean outcomeRecorded) {

        Evaluation withOutcome() {
            return new Evaluation(title, scheduledFor, true);
        }
    }
}

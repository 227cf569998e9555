package nl.koers.tracking.programme;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static nl.koers.tracking.Require.notBlank;
import static nl.koers.tracking.Require.present;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
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

/**
 * A programme with its milestones and evaluation moments. They live inside the programme because their rules need
 * its status and start date, and they change rarely compared to KPI readings, which have their own aggregate.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private ProgrammeStatus status;
    private LocalDate startDate;
    private Map<String, Milestone> milestones = new HashMap<>();
    private Map<String, Evaluation> evaluations = new HashMap<>();

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
        apply(new MilestonePlanned(programmeId, command.milestoneId(), command.title(), command.dueDate()));
    }

    @CommandHandler
    public void handle(UpdateMilestoneForecast command) {
        Milestone milestone = openMilestone(command.milestoneId());
        present(command.forecastDate(), "forecastDate");
        apply(new MilestoneForecastUpdated(programmeId, command.milestoneId(), command.forecastDate(),
                milestone.forecastDate(), command.reason()));
    }

    @CommandHandler
    public void handle(RebaselineMilestone command) {
        Milestone milestone = openMilestone(command.milestoneId());
        requireDueDateAfterStart(command.dueDate());
        notBlank(command.reason(), "reason");
        notBlank(command.approvedBy(), "approvedBy");
        apply(new MilestoneRebaselined(programmeId, command.milestoneId(), command.dueDate(), milestone.dueDate(),
                command.reason(), command.approvedBy()));
    }

    @CommandHandler
    public void handle(AchieveMilestone command) {
        openMilestone(command.milestoneId());
        present(command.achievedOn(), "achievedOn");
        apply(new MilestoneAchieved(programmeId, command.milestoneId(), command.achievedOn()));
    }

    @CommandHandler
    public void handle(CancelMilestone command) {
        openMilestone(command.milestoneId());
        notBlank(command.reason(), "reason");
        apply(new MilestoneCancelled(programmeId, command.milestoneId(), command.reason()));
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
    public void handle(RecordEvaluationOutcome command) {
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
        milestones.put(event.milestoneId(), new Milestone(event.dueDate(), null, MilestoneState.OPEN));
    }

    @EventSourcingHandler
    void on(MilestoneForecastUpdated event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withForecastDate(event.forecastDate()));
    }

    @EventSourcingHandler
    void on(MilestoneRebaselined event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withDueDate(event.dueDate()));
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
        evaluations.put(event.evaluationId(), new Evaluation(false));
    }

    @EventSourcingHandler
    void on(EvaluationOutcomeRecorded event) {
        evaluations.put(event.evaluationId(), new Evaluation(true));
    }

    enum MilestoneState {
        OPEN, ACHIEVED, CANCELLED
    }

    /** What the milestone rules need: the baseline for re-baselining, the forecast for its history, and its state. */
    record Milestone(LocalDate dueDate, LocalDate forecastDate, MilestoneState state) {

        Milestone withForecastDate(LocalDate newForecastDate) {
            return new Milestone(dueDate, newForecastDate, state);
        }

        Milestone withDueDate(LocalDate newDueDate) {
            return new Milestone(newDueDate, forecastDate, state);
        }

        Milestone withState(MilestoneState newState) {
            return new Milestone(dueDate, forecastDate, newState);
        }
    }

    record Evaluation(boolean outcomeRecorded) {
    }
}

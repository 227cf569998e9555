package nl.koers.tracking.programme;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static nl.koers.tracking.Require.notBlank;
import static nl.koers.tracking.Require.present;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonManagedReference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.evaluation.RecordEvaluationOutcome;
import nl.koers.api.evaluation.ScheduleEvaluation;
import nl.koers.api.milestone.MilestoneCommand;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.kpi.Lever;
import nl.koers.api.programme.AssessLeverCoverage;
import nl.koers.api.programme.CheckProgrammeDeadlines;
import nl.koers.api.programme.CloseProgramme;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.api.programme.PauseProgramme;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.programme.ResumeProgramme;
import nl.koers.api.signal.AcknowledgeProgrammeSignal;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.rules.EvaluationRules;
import nl.koers.tracking.signal.SignalBoard;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * A programme with its milestones and evaluation moments. They live inside the programme because their rules need
 * its status and start date, and they change rarely compared to KPI readings, which have their own aggregate.
 * Each {@link Milestone} and {@link Evaluation} is an entity of the programme that handles its own commands, routed
 * by {@code milestoneId} or {@code evaluationId}, and receives only its own events; the programme plans and schedules
 * them, and checks that it is not closed and that they exist before their commands reach them.
 * The programme owns the signals on itself, its milestones and its evaluations, on one {@link SignalBoard}: they are
 * raised, escalated and cleared in the command that changes their condition, and in the sweep's checks for those that
 * depend on time.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private ProgrammeStatus status;
    private LocalDate startDate;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    @JsonManagedReference("milestones")
    private Map<String, Milestone> milestones = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    @JsonManagedReference("evaluations")
    private Map<String, Evaluation> evaluations = new HashMap<>();
    @AggregateMember
    private EvaluationRhythm evaluationRhythm = new EvaluationRhythm();
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
        Objectives.requireComplete(command.objectives());
        apply(new ProgrammeDefined(command.programmeId(), command.name(), command.description(), command.owner(),
                command.startDate(), command.plannedEndDate(), command.objectives()));
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
        new TreeMap<>(milestones).values().forEach(milestone -> applyAll(milestone.checkDeadline(now)));
        new TreeMap<>(evaluations).values().forEach(evaluation -> applyAll(evaluation.checkDeadline(now)));
        applyAll(timeDriven(Subject.programme(programmeId), SignalType.EVALUATION_OVERDUE, evaluationRhythm.gap(startDate, now),
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
        apply(Milestone.planned(programmeId, startDate, command));
    }

    @CommandHandler
    public void handle(ScheduleEvaluation command) {
        requireNotClosed();
        notBlank(command.evaluationId(), "evaluationId");
        if (evaluations.containsKey(command.evaluationId())) {
            throw new ConflictException("Evaluation " + command.evaluationId() + " already exists");
        }
        apply(Evaluation.scheduled(programmeId, command));
    }

    // The commands of one milestone or evaluation reach its entity past these checks, made first as before the
    // entity had a class of its own; Axon would answer an unknown id with an exception of its own.

    @CommandHandlerInterceptor
    void before(MilestoneCommand command) {
        requireMember(milestones, "Milestone", command.milestoneId());
    }

    @CommandHandlerInterceptor
    void before(RecordEvaluationOutcome command) {
        requireMember(evaluations, "Evaluation", command.evaluationId());
    }

    private void requireMember(Map<String, ?> members, String kind, String id) {
        requireNotClosed();
        if (!members.containsKey(id)) {
            throw new NotFoundException(kind + " " + id + " not found");
        }
    }

    private void applyAll(List<Object> events) {
        events.forEach(event -> apply(event));
    }

    String programmeId() {
        return programmeId;
    }

    LocalDate startDate() {
        return startDate;
    }

    SignalBoard signals() {
        return signals;
    }

    /** Time-driven signals are raised only while the programme is ACTIVE; paused, they can only clear. */
    List<Object> timeDriven(Subject subject, SignalType type, Optional<Detected> detected, String clearedBecause) {
        return signals.reconcileAsTimePasses(subject, type, detected, clearedBecause, status == ProgrammeStatus.ACTIVE);
    }

    /** An outcome held on {@code heldOn} may end the programme's gap between evaluations; only the sweep raises it. */
    List<Object> evaluationHeld(LocalDate heldOn, Instant now) {
        return signals.reconcileWithoutRaising(Subject.programme(programmeId), SignalType.EVALUATION_OVERDUE,
                evaluationRhythm.gap(startDate, now), "An evaluation outcome was held on " + heldOn + ".");
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
        milestones.put(event.milestoneId(), new Milestone(this, event));
    }

    @EventSourcingHandler
    void on(EvaluationScheduled event) {
        evaluations.put(event.evaluationId(), new Evaluation(this, event));
    }
}

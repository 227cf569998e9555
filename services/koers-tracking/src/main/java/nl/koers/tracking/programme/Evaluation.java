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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonBackReference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.EntityId;

import nl.koers.api.ConflictException;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.evaluation.RecordEvaluationOutcome;
import nl.koers.api.evaluation.ScheduleEvaluation;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.rules.Days;
import nl.koers.rules.EvaluationRules;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * An evaluation moment of a {@link Programme}, an entity its programme routes commands and events to by
 * {@code evaluationId}: when it is scheduled and whether its outcome was recorded, with the rule that an outcome is
 * recorded once and the evaluation's EVALUATION_OVERDUE signal, kept on its programme's signal board. The programme
 * has checked that it is not closed and that the evaluation exists before a command reaches it.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Evaluation {

    @JsonBackReference("evaluations")
    private Programme programme;
    @EntityId
    private String evaluationId;
    private String title;
    private LocalDate scheduledFor;
    private boolean outcomeRecorded;

    private Evaluation() {
        // for snapshots
    }

    Evaluation(Programme programme, EvaluationScheduled scheduled) {
        this.programme = programme;
        this.evaluationId = scheduled.evaluationId();
        this.title = scheduled.title();
        this.scheduledFor = scheduled.scheduledFor();
    }

    /** The scheduling of an evaluation with a title and a date. */
    static EvaluationScheduled scheduled(String programmeId, ScheduleEvaluation command) {
        notBlank(command.title(), "title");
        present(command.scheduledFor(), "scheduledFor");
        return new EvaluationScheduled(programmeId, command.evaluationId(), command.title(), command.scheduledFor());
    }

    @CommandHandler
    void handle(RecordEvaluationOutcome command, Clock clock) {
        if (outcomeRecorded) {
            throw new ConflictException("Evaluation " + evaluationId + " already has an outcome");
        }
        present(command.heldOn(), "heldOn");
        present(command.deliveryConfidence(), "deliveryConfidence");
        present(command.decision(), "decision");
        notBlank(command.summary(), "summary");
        apply(new EvaluationOutcomeRecorded(programme.programmeId(), evaluationId, command.heldOn(),
                command.deliveryConfidence(), command.decision(), command.summary(), command.actions(),
                command.addressedSignals()));
        programme.signals().clear(subject(), SignalType.EVALUATION_OVERDUE,
                "Evaluation '" + title + "' was held on " + command.heldOn() + ".").forEach(AggregateLifecycle::apply);
        programme.evaluationHeld(command.heldOn(), clock.instant()).forEach(AggregateLifecycle::apply);
    }

    /** The sweep's check of EVALUATION_OVERDUE on this evaluation as of {@code now}. */
    List<Object> checkDeadline(Instant now) {
        return programme.timeDriven(subject(), SignalType.EVALUATION_OVERDUE, overdue(now),
                "Evaluation '" + title + "' is no longer overdue.");
    }

    private Optional<Detected> overdue(Instant now) {
        if (!EvaluationRules.isOverdue(scheduledFor, outcomeRecorded, now)) {
            return Optional.empty();
        }
        long daysOverdue = ChronoUnit.DAYS.between(scheduledFor, Days.dateOf(now));
        String explanation = "Evaluation '" + title + "' was scheduled for " + scheduledFor + " and has no outcome "
                + daysOverdue + " days later, more than the " + EvaluationRules.GRACE_DAYS + " days allowed.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("scheduledFor", scheduledFor.toString());
        evidence.put("daysOverdue", daysOverdue);
        evidence.put("graceDays", EvaluationRules.GRACE_DAYS);
        return Optional.of(new Detected(EvaluationRules.SEVERITY, explanation, evidence));
    }

    private Subject subject() {
        return Subject.evaluation(programme.programmeId(), evaluationId);
    }

    @EventSourcingHandler
    void on(EvaluationOutcomeRecorded event) {
        outcomeRecorded = true;
    }

    /** Equal state, whatever the programme object: the test fixture compares the aggregate with it sourced again. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Evaluation that
                && outcomeRecorded == that.outcomeRecorded
                && Objects.equals(evaluationId, that.evaluationId)
                && Objects.equals(title, that.title)
                && Objects.equals(scheduledFor, that.scheduledFor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evaluationId, title, scheduledFor, outcomeRecorded);
    }
}

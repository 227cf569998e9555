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
import nl.koers.api.RuleViolationException;
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
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.rules.Days;
import nl.koers.rules.MilestoneRules;
import nl.koers.rules.MilestoneSlip;
import nl.koers.tracking.signal.Figures;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * A milestone of a {@link Programme}, an entity its programme routes commands and events to by {@code milestoneId}:
 * its title, its baseline (the first one too, and how often it was re-baselined), its forecast and its state, with
 * the rules that guard them and the signals on the milestone (MILESTONE_SLIPPING, MILESTONE_REBASELINED_AGAIN,
 * MILESTONE_OVERDUE), kept on its programme's signal board. The programme has checked that it is not closed and that
 * the milestone exists before a command reaches it.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Milestone {

    @JsonBackReference("milestones")
    private Programme programme;
    @EntityId
    private String milestoneId;
    private String title;
    private LocalDate startDate;
    private LocalDate originalDueDate;
    private LocalDate dueDate;
    private int rebaselines;
    private LocalDate forecastDate;
    private State state;

    private Milestone() {
        // for snapshots
    }

    Milestone(Programme programme, MilestonePlanned planned) {
        this.programme = programme;
        this.milestoneId = planned.milestoneId();
        this.title = planned.title();
        this.startDate = planned.startDate();
        this.originalDueDate = planned.dueDate();
        this.dueDate = planned.dueDate();
        this.state = State.OPEN;
    }

    /**
     * The planning of a milestone with a title, due after its programme's start; its own start, when it has one,
     * lies on or after the programme's start and before its due date.
     */
    static MilestonePlanned planned(String programmeId, LocalDate programmeStart, PlanMilestone command) {
        notBlank(command.title(), "title");
        requireDueDateAfter(programmeStart, command.dueDate());
        LocalDate milestoneStart = command.startDate();
        if (milestoneStart != null
                && (milestoneStart.isBefore(programmeStart) || !command.dueDate().isAfter(milestoneStart))) {
            throw new RuleViolationException("startDate", "startDate must lie on or after the programme's start date "
                    + programmeStart + " and before the dueDate " + command.dueDate());
        }
        return new MilestonePlanned(programmeId, command.milestoneId(), command.title(), command.dueDate(),
                milestoneStart);
    }

    private static void requireDueDateAfter(LocalDate programmeStart, LocalDate dueDate) {
        present(dueDate, "dueDate");
        if (!dueDate.isAfter(programmeStart)) {
            throw new RuleViolationException("dueDate",
                    "dueDate must be after the programme's start date " + programmeStart);
        }
    }

    @CommandHandler
    void handle(UpdateMilestoneForecast command) {
        requireOpen();
        present(command.forecastDate(), "forecastDate");
        apply(new MilestoneForecastUpdated(programme.programmeId(), milestoneId, command.forecastDate(), forecastDate,
                command.reason()));
        slipping().forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RebaselineMilestone command, Clock clock) {
        requireOpen();
        requireDueDateAfter(programme.startDate(), command.dueDate());
        if (startDate != null && !command.dueDate().isAfter(startDate)) {
            throw new RuleViolationException("dueDate", "dueDate must be after the milestone's start date " + startDate);
        }
        notBlank(command.reason(), "reason");
        notBlank(command.approvedBy(), "approvedBy");
        apply(new MilestoneRebaselined(programme.programmeId(), milestoneId, command.dueDate(), dueDate,
                command.reason(), command.approvedBy()));
        slipping().forEach(AggregateLifecycle::apply);
        programme.signals().reconcile(subject(), SignalType.MILESTONE_REBASELINED_AGAIN, rebaselinedAgain(),
                "Milestone '" + title + "' was re-baselined fewer than two times.").forEach(AggregateLifecycle::apply);
        // Only the sweep raises MILESTONE_OVERDUE; a new due date that has not passed clears it at once.
        programme.signals().reconcileWithoutRaising(subject(), SignalType.MILESTONE_OVERDUE, overdue(clock.instant()),
                "Milestone '" + title + "' was re-baselined to " + dueDate + ", which has not passed.")
                .forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(AchieveMilestone command) {
        requireOpen();
        present(command.achievedOn(), "achievedOn");
        apply(new MilestoneAchieved(programme.programmeId(), milestoneId, command.achievedOn()));
        clearSignals("achieved on " + command.achievedOn()).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(CancelMilestone command) {
        requireOpen();
        notBlank(command.reason(), "reason");
        apply(new MilestoneCancelled(programme.programmeId(), milestoneId, command.reason()));
        clearSignals("cancelled").forEach(AggregateLifecycle::apply);
    }

    /** The sweep's check of MILESTONE_OVERDUE as of {@code now}; a milestone achieved or cancelled is not checked. */
    List<Object> checkDeadline(Instant now) {
        if (state != State.OPEN) {
            return List.of();
        }
        return programme.timeDriven(subject(), SignalType.MILESTONE_OVERDUE, overdue(now),
                "Milestone '" + title + "' is no longer overdue.");
    }

    /** Only a milestone neither achieved nor cancelled accepts changes. */
    private void requireOpen() {
        if (state != State.OPEN) {
            throw new ConflictException("Milestone " + milestoneId + " is " + state);
        }
    }

    private List<Object> slipping() {
        Optional<Detected> detected = Optional.ofNullable(forecastDate)
                .flatMap(forecast -> MilestoneRules.slip(programme.startDate(), startDate, dueDate, forecast))
                .map(this::slipping);
        return programme.signals().reconcile(subject(), SignalType.MILESTONE_SLIPPING, detected,
                "Milestone '" + title + "' is forecast on or before its due date " + dueDate + ".");
    }

    private Detected slipping(MilestoneSlip slip) {
        String explanation = "Milestone '" + title + "' is forecast for " + forecastDate + ", " + slip.slipDays()
                + " days after its due date of " + dueDate + ": a slip of " + Figures.show(slip.slipPercent())
                + " % of the " + slip.plannedDays() + " days planned for it"
                + (slip.severity() == Severity.CRITICAL
                        ? ", " + MilestoneSlip.CRITICAL_PERCENT + " % or more."
                        : ", under " + MilestoneSlip.CRITICAL_PERCENT + " %.");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("dueDate", dueDate.toString());
        evidence.put("forecastDate", forecastDate.toString());
        evidence.put("slipDays", slip.slipDays());
        evidence.put("plannedDays", slip.plannedDays());
        evidence.put("slipPercent", slip.slipPercent());
        return new Detected(slip.severity(), explanation, evidence);
    }

    private Optional<Detected> rebaselinedAgain() {
        if (!MilestoneRules.isRebaselinedAgain(rebaselines)) {
            return Optional.empty();
        }
        String explanation = "Milestone '" + title + "' has been re-baselined " + rebaselines + " times: first due on "
                + originalDueDate + ", now on " + dueDate + ".";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rebaselines", rebaselines);
        evidence.put("originalDueDate", originalDueDate.toString());
        evidence.put("dueDate", dueDate.toString());
        return Optional.of(new Detected(MilestoneRules.REBASELINED_AGAIN_SEVERITY, explanation, evidence));
    }

    private Optional<Detected> overdue(Instant now) {
        if (!MilestoneRules.isOverdue(dueDate, state == State.ACHIEVED, state == State.CANCELLED, now)) {
            return Optional.empty();
        }
        long daysOverdue = ChronoUnit.DAYS.between(dueDate, Days.dateOf(now));
        String explanation = "Milestone '" + title + "' was due on " + dueDate + " and is " + daysOverdue
                + " days overdue: neither achieved nor cancelled.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("dueDate", dueDate.toString());
        evidence.put("daysOverdue", daysOverdue);
        return Optional.of(new Detected(MilestoneRules.OVERDUE_SEVERITY, explanation, evidence));
    }

    private List<Object> clearSignals(String because) {
        String explanation = "Milestone '" + title + "' was " + because + ".";
        List<Object> events = new ArrayList<>();
        for (SignalType type : List.of(SignalType.MILESTONE_SLIPPING, SignalType.MILESTONE_OVERDUE,
                SignalType.MILESTONE_REBASELINED_AGAIN)) {
            events.addAll(programme.signals().clear(subject(), type, explanation));
        }
        return events;
    }

    private Subject subject() {
        return Subject.milestone(programme.programmeId(), milestoneId);
    }

    @EventSourcingHandler
    void on(MilestoneForecastUpdated event) {
        forecastDate = event.forecastDate();
    }

    @EventSourcingHandler
    void on(MilestoneRebaselined event) {
        dueDate = event.dueDate();
        rebaselines++;
    }

    @EventSourcingHandler
    void on(MilestoneAchieved event) {
        state = State.ACHIEVED;
    }

    @EventSourcingHandler
    void on(MilestoneCancelled event) {
        state = State.CANCELLED;
    }

    /** Equal state, whatever the programme object: the test fixture compares the aggregate with it sourced again. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Milestone that
                && rebaselines == that.rebaselines
                && Objects.equals(milestoneId, that.milestoneId)
                && Objects.equals(title, that.title)
                && Objects.equals(startDate, that.startDate)
                && Objects.equals(originalDueDate, that.originalDueDate)
                && Objects.equals(dueDate, that.dueDate)
                && Objects.equals(forecastDate, that.forecastDate)
                && state == that.state;
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestoneId, title, startDate, originalDueDate, dueDate, rebaselines, forecastDate, state);
    }

    enum State {
        OPEN, ACHIEVED, CANCELLED
    }
}

package nl.koers.navigation.programme;

import static nl.koers.navigation.Columns.timestamp;

import java.time.Instant;
import java.util.List;

import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.kpi.Cadence;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneEvent;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.ProjectionWrites;
import nl.koers.rules.PlanLine;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Programmes with their objectives, KPIs and readings, milestones and evaluations, as the latest state of each.
 * Written inline, in the transaction of the command that appended the events (a group of commands' events in one
 * batch); in a replay, a programme's events arrive in order (the catch-up sequences by programme), each batch in the
 * transaction that also moves the replay's token.
 */
@Component
@ProcessingGroup(ProgrammeProjection.PROCESSING_GROUP)
public class ProgrammeProjection {

    public static final String PROCESSING_GROUP = "programme-view";

    private final ProjectionWrites writes;
    private final JsonText json;
    private final ProgrammesToday today;
    private final ProgrammeVersions versions;

    public ProgrammeProjection(ProjectionWrites writes, JsonText json, ProgrammesToday today,
                               ProgrammeVersions versions) {
        this.writes = writes;
        this.json = json;
        this.today = today;
        this.versions = versions;
    }

    /**
     * Empties the view before a replay: truncate, not delete, so a rebuild of millions of readings starts at once.
     * Every table by name: they have no foreign keys between them to cascade along (V8).
     */
    @ResetHandler
    void reset() {
        writes.write("""
                truncate table nav_programme, nav_objective, nav_kpi, nav_kpi_retarget, nav_kpi_plan_segment, nav_reading,
                               nav_reading_version, nav_milestone, nav_milestone_rebaseline, nav_milestone_version,
                               nav_evaluation, nav_programme_version""");
    }

    @EventHandler
    void on(ProgrammeDefined event, @Timestamp Instant at) {
        writes.write("""
                        insert into nav_programme (programme_id, name, description, owner, start_date, planned_end_date,
                                                   status, defined_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                event.programmeId(), event.name(), event.description(), event.owner(), event.startDate(),
                event.plannedEndDate(), ProgrammeStatus.ACTIVE.name(), timestamp(at));
        List<Objective> objectives = event.objectives();
        for (int position = 0; position < objectives.size(); position++) {
            writes.write("insert into nav_objective (programme_id, objective_id, position, statement) values (?, ?, ?, ?)",
                    event.programmeId(), objectives.get(position).id(), position, objectives.get(position).statement());
        }
        versions.record(event.programmeId(), at);
    }

    @EventHandler
    void on(ProgrammePaused event, @Timestamp Instant at) {
        setStatus(event.programmeId(), ProgrammeStatus.PAUSED, at);
    }

    @EventHandler
    void on(ProgrammeResumed event, @Timestamp Instant at) {
        setStatus(event.programmeId(), ProgrammeStatus.ACTIVE, at);
    }

    @EventHandler
    void on(ProgrammeClosed event, @Timestamp Instant at) {
        setStatus(event.programmeId(), ProgrammeStatus.CLOSED, at);
    }

    @EventHandler
    void on(KpiDefined event, @Timestamp Instant at) {
        writes.write("""
                        insert into nav_kpi (programme_id, kpi_id, name, unit, direction, baseline, baseline_date, target,
                                             target_date, tolerance, defined_target, defined_target_date,
                                             defined_tolerance, cadence, cadence_days, objective_id, lever, defined_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.programmeId(), event.kpiId(), event.name(), event.unit(), event.direction().name(),
                event.baseline(), event.baselineDate(), event.target(), event.targetDate(), event.tolerance(),
                event.target(), event.targetDate(), event.tolerance(),
                event.cadence(), Cadence.lengthInDays(event.cadence()).orElseThrow(), event.objectiveId(),
                event.lever() == null ? null : event.lever().name(), timestamp(at));
        writePlan(event.programmeId(), event.kpiId(), PlanLine.of(event, List.of()), at);
    }

    @EventHandler
    void on(KpiRetargeted event, @Timestamp Instant at) {
        writes.write("update nav_kpi set target = ?, target_date = ?, tolerance = ? where programme_id = ? and kpi_id = ?",
                event.target(), event.targetDate(), event.tolerance(), event.programmeId(), event.kpiId());
        writes.write("""
                        insert into nav_kpi_retarget (programme_id, kpi_id, effective_at, target, target_date, tolerance,
                                                      previous_target, previous_target_date, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.programmeId(), event.kpiId(), timestamp(at), event.target(), event.targetDate(),
                event.tolerance(), event.previousTarget(), event.previousTargetDate(), event.reason());
        writes.flush(); // the plan line is read from the view, with the retargets written so far
        writePlan(event.programmeId(), event.kpiId(), today.planLine(event.programmeId(), event.kpiId()).orElseThrow(), at);
    }

    /** The reading and its first version in one statement: most events are readings, so a rebuild is mostly this. */
    @EventHandler
    void on(ReadingRecorded event, @Timestamp Instant at) {
        writes.write("""
                        with reading as (
                            insert into nav_reading (programme_id, kpi_id, reading_id, value, measured_at, recorded_at,
                                                     source, note)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            returning programme_id, kpi_id, reading_id, value, recorded_at)
                        insert into nav_reading_version (programme_id, kpi_id, reading_id, version, kind, value, recorded_at)
                        select programme_id, kpi_id, reading_id, 1, ?, value, recorded_at from reading""",
                event.programmeId(), event.kpiId(), event.readingId(), event.value(), timestamp(event.measuredAt()),
                timestamp(at), event.source(), event.note(), ReadingVersion.Kind.RECORDED.name());
    }

    @EventHandler
    void on(ReadingCorrected event, @Timestamp Instant at) {
        writes.write("update nav_reading set value = ?, corrected = true where programme_id = ? and kpi_id = ? and reading_id = ?",
                event.value(), event.programmeId(), event.kpiId(), event.readingId());
        addVersion(event.programmeId(), event.kpiId(), event.readingId(), ReadingVersion.Kind.CORRECTED, event.value(),
                event.reason(), at);
    }

    @EventHandler
    void on(ReadingRetracted event, @Timestamp Instant at) {
        writes.write("update nav_reading set retracted = true where programme_id = ? and kpi_id = ? and reading_id = ?",
                event.programmeId(), event.kpiId(), event.readingId());
        addVersion(event.programmeId(), event.kpiId(), event.readingId(), ReadingVersion.Kind.RETRACTED, null,
                event.reason(), at);
    }

    @EventHandler
    void on(MilestonePlanned event, @Timestamp Instant at) {
        writes.write("""
                        insert into nav_milestone (programme_id, milestone_id, title, start_date, original_due_date, due_date,
                                                   planned_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                event.programmeId(), event.milestoneId(), event.title(), event.startDate(), event.dueDate(),
                event.dueDate(), timestamp(at));
        addMilestoneVersion(event, at);
    }

    @EventHandler
    void on(MilestoneForecastUpdated event, @Timestamp Instant at) {
        writes.write("update nav_milestone set forecast_date = ? where programme_id = ? and milestone_id = ?",
                event.forecastDate(), event.programmeId(), event.milestoneId());
        addMilestoneVersion(event, at);
    }

    @EventHandler
    void on(MilestoneRebaselined event, @Timestamp Instant at) {
        writes.write("update nav_milestone set due_date = ? where programme_id = ? and milestone_id = ?",
                event.dueDate(), event.programmeId(), event.milestoneId());
        writes.write("""
                        insert into nav_milestone_rebaseline (programme_id, milestone_id, rebaselined_at, previous_due_date,
                                                              due_date, reason, approved_by)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                event.programmeId(), event.milestoneId(), timestamp(at), event.previousDueDate(), event.dueDate(),
                event.reason(), event.approvedBy());
        addMilestoneVersion(event, at);
    }

    @EventHandler
    void on(MilestoneAchieved event, @Timestamp Instant at) {
        writes.write("update nav_milestone set achieved_on = ? where programme_id = ? and milestone_id = ?",
                event.achievedOn(), event.programmeId(), event.milestoneId());
        addMilestoneVersion(event, at);
    }

    @EventHandler
    void on(MilestoneCancelled event, @Timestamp Instant at) {
        writes.write("update nav_milestone set cancelled = true, cancel_reason = ? where programme_id = ? and milestone_id = ?",
                event.reason(), event.programmeId(), event.milestoneId());
        addMilestoneVersion(event, at);
    }

    @EventHandler
    void on(EvaluationScheduled event, @Timestamp Instant at) {
        writes.write("""
                        insert into nav_evaluation (programme_id, evaluation_id, title, scheduled_for, scheduled_at)
                        values (?, ?, ?, ?, ?)""",
                event.programmeId(), event.evaluationId(), event.title(), event.scheduledFor(), timestamp(at));
    }

    @EventHandler
    void on(EvaluationOutcomeRecorded event, @Timestamp Instant at) {
        writes.write("""
                        update nav_evaluation
                        set held_on = ?, delivery_confidence = ?, decision = ?, summary = ?, actions = ?,
                            addressed_signals = ?, outcome_recorded_at = ?
                        where programme_id = ? and evaluation_id = ?""",
                event.heldOn(), event.deliveryConfidence().name(), event.decision().name(), event.summary(),
                json.write(event.actions()), json.write(event.addressedSignals()), timestamp(at),
                event.programmeId(), event.evaluationId());
        versions.record(event.programmeId(), at);
    }

    private void setStatus(String programmeId, ProgrammeStatus status, Instant at) {
        writes.write("update nav_programme set status = ? where programme_id = ?",
                status.name(), programmeId);
        versions.record(programmeId, at);
    }

    /** The milestone as its event left it, known from the event's recorded time. */
    private void addMilestoneVersion(MilestoneEvent event, Instant at) {
        writes.write("""
                        insert into nav_milestone_version (programme_id, milestone_id, known_from, title, start_date,
                                                           original_due_date, due_date, forecast_date, achieved_on,
                                                           cancelled)
                        select programme_id, milestone_id, ?, title, start_date, original_due_date, due_date,
                               forecast_date, achieved_on, cancelled
                        from nav_milestone where programme_id = ? and milestone_id = ?""",
                timestamp(at), event.programmeId(), event.milestoneId());
    }

    private void addVersion(String programmeId, String kpiId, String readingId, ReadingVersion.Kind kind,
                            Object value, String reason, Instant at) {
        writes.write("""
                        insert into nav_reading_version (programme_id, kpi_id, reading_id, version, kind, value, reason, recorded_at)
                        select ?, ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?
                        from nav_reading_version where programme_id = ? and kpi_id = ? and reading_id = ?""",
                programmeId, kpiId, readingId, kind.name(), value, reason, timestamp(at), programmeId, kpiId, readingId);
    }

    /**
     * The plan line's segments as a new revision known from {@code at}: the plan as known at any moment, today's
     * included (V13's {@code plan_segments_as_of}).
     */
    private void writePlan(String programmeId, String kpiId, PlanLine plan, Instant at) {
        List<PlanLine.Segment> segments = plan.segments();
        for (int position = 0; position < segments.size(); position++) {
            PlanLine.Segment segment = segments.get(position);
            writes.write("""
                            insert into nav_kpi_plan_segment (programme_id, kpi_id, revision, position, known_from,
                                                              start_at, start_value, target_value, target_date, tolerance)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    programmeId, kpiId, segments.size() - 1, position, timestamp(at), timestamp(segment.start()),
                    segment.startValue(), segment.target().value(), segment.target().date(),
                    segment.target().tolerance());
        }
    }
}

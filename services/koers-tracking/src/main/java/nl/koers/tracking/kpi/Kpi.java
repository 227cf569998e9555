package nl.koers.tracking.kpi;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static nl.koers.tracking.Require.notBlank;
import static nl.koers.tracking.Require.plausibleDecimal;
import static nl.koers.tracking.Require.present;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.kpi.Cadence;
import nl.koers.api.kpi.CheckKpiStaleness;
import nl.koers.api.kpi.ClearKpiSignals;
import nl.koers.api.kpi.CorrectReading;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiKey;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.kpi.RetargetKpi;
import nl.koers.api.kpi.RetractReading;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.AcknowledgeKpiSignal;
import nl.koers.api.signal.Subject;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Shift;
import nl.koers.tracking.ProgrammeDirectory;
import nl.koers.tracking.kpi.KpiReadings.HeldReading;
import nl.koers.tracking.signal.SignalBoard;

/**
 * A KPI of a programme with its readings. Each KPI is its own aggregate, so teams posting readings to different KPIs
 * of one programme never contend; what it needs of the programme comes from the {@link ProgrammeDirectory}.
 * It owns the KPI's signals: every change of its readings or target re-evaluates KPI_OFF_PLAN, KPI_FORECAST_MISS and
 * KPI_SHIFT in the same command; the sweep checks KPI_STALE.
 * The revision names the shape of its state, so that snapshots of an older shape are passed over.
 */
@Revision("3")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Kpi {

    /** How far ahead of now a reading's measuredAt may lie, to allow for clocks and time zones of the sender. */
    private static final Duration MEASURED_AT_LEEWAY = Duration.ofDays(1);

    @AggregateIdentifier
    private String kpiKey;
    private String programmeId;
    private String kpiId;
    private String name;
    private String unit;
    private String cadence;
    private Instant definedAt;
    private Direction direction;
    private BigDecimal baseline;
    private LocalDate baselineDate;
    /** The definition's target first, then each retarget's from its effective moment: the plan line's segments. */
    private List<TargetInForce> targets = new ArrayList<>();
    /** In a snapshot as the fields {@code readings} and {@code readingOrder} of the KPI itself. */
    @JsonUnwrapped
    private KpiReadings readings = new KpiReadings();
    @AggregateMember
    private SignalBoard signals = new SignalBoard();

    protected Kpi() {
        // for Axon and snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineKpi command, ProgrammeDirectory directory) {
        ProgrammeDirectory.Entry programme = directory.open(command.programmeId());
        if (kpiKey != null) {
            throw new ConflictException("KPI " + command.kpiId() + " already exists in programme " + programmeId);
        }
        notBlank(command.kpiId(), "kpiId");
        notBlank(command.name(), "name");
        present(command.direction(), "direction");
        plausibleDecimal(command.baseline(), "baseline");
        present(command.baselineDate(), "baselineDate");
        TargetInForce.requireBeyondBaseline(command.direction(), command.baseline(), command.target());
        TargetInForce.requireDateAfter(command.targetDate(), command.baselineDate(), "the baseline date");
        TargetInForce.requirePositiveTolerance(command.tolerance());
        if (Cadence.lengthInDays(command.cadence()).isEmpty()) {
            throw new RuleViolationException("cadence",
                    "cadence must be a positive ISO-8601 period in days, weeks, months or years, such as P1W");
        }
        if (command.objectiveId() != null && !programme.objectiveIds().contains(command.objectiveId())) {
            throw new RuleViolationException("objectiveId",
                    command.objectiveId() + " is not an objective of programme " + command.programmeId());
        }
        apply(new KpiDefined(command.programmeId(), command.kpiId(), command.name(), command.unit(),
                command.direction(), command.baseline(), command.baselineDate(), command.target(),
                command.targetDate(), command.tolerance(), command.cadence(), command.objectiveId(), command.lever()));
    }

    @CommandHandler
    public void handle(RetargetKpi command, ProgrammeDirectory directory, Clock clock) {
        directory.open(programmeId);
        TargetInForce.requireBeyondBaseline(direction, baseline, command.target());
        TargetInForce.requireDateAfter(command.targetDate(), baselineDate, "the baseline date");
        TargetInForce.requireDateAfter(command.targetDate(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                "today");
        TargetInForce current = currentTarget();
        BigDecimal effectiveTolerance = command.tolerance() == null ? current.tolerance() : command.tolerance();
        TargetInForce.requirePositiveTolerance(effectiveTolerance);
        notBlank(command.reason(), "reason");
        apply(new KpiRetargeted(programmeId, kpiId, command.target(), command.targetDate(), effectiveTolerance,
                current.value(), current.date(), command.reason()));
        reassess(clock.instant());
    }

    @CommandHandler
    public ReadingReceipt handle(RecordReading command, ProgrammeDirectory directory, Clock clock) {
        directory.open(programmeId);
        notBlank(command.readingId(), "readingId");
        plausibleDecimal(command.value(), "value");
        present(command.measuredAt(), "measuredAt");
        if (command.measuredAt().isAfter(clock.instant().plus(MEASURED_AT_LEEWAY))) {
            throw new RuleViolationException("measuredAt", "measuredAt lies more than a day in the future");
        }
        HeldReading earlier = readings.get(command.readingId());
        if (earlier != null) {
            if (earlier.recordedValue().compareTo(command.value()) != 0
                    || !earlier.measuredAt().equals(command.measuredAt())) {
                throw new ConflictException("Reading " + command.readingId()
                        + " was recorded before with a different value or measuredAt");
            }
            return receipt(command.readingId(), earlier, true);
        }
        apply(new ReadingRecorded(programmeId, kpiId, command.readingId(), command.value(), command.measuredAt(),
                command.source(), command.note()));
        reassess(clock.instant());
        return receipt(command.readingId(), readings.get(command.readingId()), false);
    }

    @CommandHandler
    public void handle(CorrectReading command, ProgrammeDirectory directory, Clock clock) {
        directory.open(programmeId);
        HeldReading reading = currentReading(command.readingId());
        plausibleDecimal(command.value(), "value");
        notBlank(command.reason(), "reason");
        apply(new ReadingCorrected(programmeId, kpiId, command.readingId(), command.value(), reading.value(),
                command.reason()));
        reassess(clock.instant());
    }

    @CommandHandler
    public void handle(RetractReading command, ProgrammeDirectory directory, Clock clock) {
        directory.open(programmeId);
        currentReading(command.readingId());
        notBlank(command.reason(), "reason");
        apply(new ReadingRetracted(programmeId, kpiId, command.readingId(), command.reason()));
        reassess(clock.instant());
    }

    /**
     * Raises or clears KPI_STALE as of the sweep's now. A time-driven signal: raised only while the programme is
     * ACTIVE; paused or closed, the check can only clear it.
     */
    @CommandHandler
    public void handle(CheckKpiStaleness command, ProgrammeDirectory directory) {
        ProgrammeStatus status = directory.existing(programmeId).status();
        present(command.now(), "now");
        checks().asTimePasses(command.now(), status == ProgrammeStatus.ACTIVE).forEach(event -> apply(event));
    }

    /** Sent once the KPI's programme closed: every signal of the KPI that is still open clears. */
    @CommandHandler
    public void handle(ClearKpiSignals command) {
        String reason = command.reason() == null || command.reason().isBlank() ? "cleared on request" : command.reason();
        signals.clearAll("Cleared: " + reason + ".").forEach(event -> apply(event));
    }

    @CommandHandler
    public void handle(AcknowledgeKpiSignal command, ProgrammeDirectory directory) {
        directory.open(programmeId);
        signals.acknowledge(command.signalId(), command.by(), command.note()).ifPresent(event -> apply(event));
    }

    /** Brings KPI_OFF_PLAN, KPI_FORECAST_MISS, KPI_SHIFT and KPI_STALE in line with the readings and the plan. */
    private void reassess(Instant now) {
        checks().afterChange(now).forEach(event -> apply(event));
    }

    private KpiSignalChecks checks() {
        KpiSignals detection = new KpiSignals(name, unit, cadence, direction, plan());
        return new KpiSignalChecks(detection, signals, Subject.kpi(programmeId, kpiId), readings, definedAt,
                currentTarget().effectiveAt());
    }

    /** For tests: the shift a reassessment now finds, through the kept walk. */
    Optional<Shift> shift() {
        return readings.shift(currentTarget().effectiveAt(), plan(), direction);
    }

    /** For tests: a new walk over every counted reading since the latest retarget, as before the walk was kept. */
    Optional<Shift> shiftFromScratch() {
        return ShiftTrack.over(readings, currentTarget().effectiveAt(), plan(), direction).shift();
    }

    private PlanLine plan() {
        return TargetInForce.planLine(baseline, baselineDate, targets);
    }

    private TargetInForce currentTarget() {
        return targets.get(targets.size() - 1);
    }

    /** A reading that may still be corrected or retracted. */
    private HeldReading currentReading(String readingId) {
        HeldReading reading = readings.get(readingId);
        if (reading == null) {
            throw new NotFoundException("Reading " + readingId + " not found in KPI " + kpiId);
        }
        if (reading.retracted()) {
            throw new ConflictException("Reading " + readingId + " has been retracted");
        }
        return reading;
    }

    private ReadingReceipt receipt(String readingId, HeldReading reading, boolean duplicate) {
        return new ReadingReceipt(programmeId, kpiId, readingId, reading.recordedValue(), reading.measuredAt(),
                reading.recordedAt(), reading.source(), reading.note(), duplicate);
    }

    @EventSourcingHandler
    void on(KpiDefined event, @Timestamp Instant at) {
        kpiKey = KpiKey.of(event.programmeId(), event.kpiId());
        programmeId = event.programmeId();
        kpiId = event.kpiId();
        name = event.name();
        unit = event.unit();
        cadence = event.cadence();
        definedAt = at;
        direction = event.direction();
        baseline = event.baseline();
        baselineDate = event.baselineDate();
        targets.add(new TargetInForce(null, event.target(), event.targetDate(), event.tolerance()));
    }

    @EventSourcingHandler
    void on(KpiRetargeted event, @Timestamp Instant effectiveAt) {
        targets.add(new TargetInForce(effectiveAt, event.target(), event.targetDate(), event.tolerance()));
        readings.forgetShiftTrack();
    }

    @EventSourcingHandler
    void on(ReadingRecorded event, @Timestamp Instant recordedAt) {
        readings.add(event.readingId(), new HeldReading(event.value(), event.value(), event.measuredAt(), recordedAt,
                event.source(), event.note(), false));
    }

    @EventSourcingHandler
    void on(ReadingCorrected event) {
        readings.correct(event.readingId(), event.value());
    }

    @EventSourcingHandler
    void on(ReadingRetracted event) {
        readings.retract(event.readingId());
    }
}

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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;

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
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.rules.Forecast;
import nl.koers.rules.KpiForecastMiss;
import nl.koers.rules.KpiStaleness;
import nl.koers.rules.KpiStatusRule;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Reading;
import nl.koers.rules.Retarget;
import nl.koers.rules.Shift;
import nl.koers.rules.ShiftDetector;
import nl.koers.rules.Target;
import nl.koers.tracking.ProgrammeDirectory;
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
    /** The forecast reads the latest 8; the latest of them gives the status. */
    private static final int FORECAST_READINGS = Forecast.READINGS;
    private static final String STALE_CLEARED = "A reading arrived within 1.5 cadences, or the target date has passed.";

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
    private Map<String, HeldReading> readings = new HashMap<>();
    /**
     * Reading ids oldest first by measuredAt (ties to the later recordedAt), retracted ones included: the rules need
     * only the latest few, which this finds without sorting years of readings.
     */
    private List<String> readingOrder = new ArrayList<>();
    @AggregateMember
    private SignalBoard signals = new SignalBoard();
    /**
     * The shift detector's walk over the counted readings since the latest retarget, up to {@link ShiftTrack#through}
     * in {@link #readingOrder}: each reassessment adds only the readings placed after it, so a reading costs the same
     * at any history length. Derived, not part of a snapshot: null after loading one or replaying events, and
     * dropped when a past deviation changes (a retarget, a correction, a retraction, a reading placed before the
     * latest); the next reassessment walks every reading since the retarget once.
     */
    @JsonIgnore
    private transient ShiftTrack shiftTrack;

    protected Kpi() {
        // for Axon and snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineKpi command, ProgrammeDirectory directory) {
        ProgrammeDirectory.Entry programme = openProgramme(directory, command.programmeId());
        if (kpiKey != null) {
            throw new ConflictException("KPI " + command.kpiId() + " already exists in programme " + programmeId);
        }
        notBlank(command.kpiId(), "kpiId");
        notBlank(command.name(), "name");
        present(command.direction(), "direction");
        plausibleDecimal(command.baseline(), "baseline");
        present(command.baselineDate(), "baselineDate");
        requireTargetBeyondBaseline(command.direction(), command.baseline(), command.target());
        requireTargetDateAfter(command.targetDate(), command.baselineDate(), "the baseline date");
        requirePositiveTolerance(command.tolerance());
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
        openProgramme(directory, programmeId);
        requireTargetBeyondBaseline(direction, baseline, command.target());
        requireTargetDateAfter(command.targetDate(), baselineDate, "the baseline date");
        requireTargetDateAfter(command.targetDate(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), "today");
        TargetInForce current = currentTarget();
        BigDecimal effectiveTolerance = command.tolerance() == null ? current.tolerance() : command.tolerance();
        requirePositiveTolerance(effectiveTolerance);
        notBlank(command.reason(), "reason");
        apply(new KpiRetargeted(programmeId, kpiId, command.target(), command.targetDate(), effectiveTolerance,
                current.value(), current.date(), command.reason()));
        reassess(clock.instant());
    }

    @CommandHandler
    public ReadingReceipt handle(RecordReading command, ProgrammeDirectory directory, Clock clock) {
        openProgramme(directory, programmeId);
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
        openProgramme(directory, programmeId);
        HeldReading reading = currentReading(command.readingId());
        plausibleDecimal(command.value(), "value");
        notBlank(command.reason(), "reason");
        apply(new ReadingCorrected(programmeId, kpiId, command.readingId(), command.value(), reading.value(),
                command.reason()));
        reassess(clock.instant());
    }

    @CommandHandler
    public void handle(RetractReading command, ProgrammeDirectory directory, Clock clock) {
        openProgramme(directory, programmeId);
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
        ProgrammeStatus status = directory.find(programmeId)
                .orElseThrow(() -> new NotFoundException("Programme " + programmeId + " not found"))
                .status();
        present(command.now(), "now");
        Optional<SignalBoard.Detected> stale = staleness(detection(), command.now());
        signals.reconcileAsTimePasses(subject(), SignalType.KPI_STALE, stale, STALE_CLEARED,
                status == ProgrammeStatus.ACTIVE).forEach(event -> apply(event));
    }

    /** Sent once the KPI's programme closed: every signal of the KPI that is still open clears. */
    @CommandHandler
    public void handle(ClearKpiSignals command) {
        String reason = command.reason() == null || command.reason().isBlank() ? "cleared on request" : command.reason();
        signals.clearAll("Cleared: " + reason + ".").forEach(event -> apply(event));
    }

    @CommandHandler
    public void handle(AcknowledgeKpiSignal command, ProgrammeDirectory directory) {
        openProgramme(directory, programmeId);
        signals.acknowledge(command.signalId(), command.by(), command.note()).ifPresent(event -> apply(event));
    }

    /** Brings KPI_OFF_PLAN, KPI_FORECAST_MISS and KPI_SHIFT in line with the readings and the plan as they are now. */
    private void reassess(Instant now) {
        KpiSignals detection = detection();
        Subject subject = subject();
        Instant lastRetarget = targets.get(targets.size() - 1).effectiveAt();
        List<Object> events = new ArrayList<>();
        events.addAll(signals.reconcile(subject, SignalType.KPI_OFF_PLAN,
                latestCounted().flatMap(detection::offPlan),
                name + " is back within tolerance of its plan, or has no readings."));
        events.addAll(signals.reconcile(subject, SignalType.KPI_FORECAST_MISS,
                KpiForecastMiss.evaluate(latestCounted(FORECAST_READINGS, lastRetarget), detection.plan(), direction,
                        cadenceDays(), now, signals.isOpen(subject, SignalType.KPI_FORECAST_MISS))
                        .map(detection::forecastMiss),
                "At the current rate " + name + " comes within half the tolerance of its target at the favourable "
                        + "95 % bound, there are too few readings since its latest retarget to tell, or the target date "
                        + "has come."));
        events.addAll(signals.reconcile(subject, SignalType.KPI_SHIFT,
                shift(lastRetarget, detection.plan()).map(detection::shift),
                "The deviations of " + name + " from plan are back at their usual level."));
        // a new reading ends staleness at once; raising it is left to the sweep, which knows the programme's status
        events.addAll(signals.reconcileWithoutRaising(subject, SignalType.KPI_STALE, staleness(detection, now),
                STALE_CLEARED));
        events.forEach(event -> apply(event));
    }

    /**
     * What the shift detector finds over the deviations of the counted readings measured at or after {@code since}
     * (all when null), oldest first: the kept walk given the readings placed after the last one it saw, or, when
     * there is none or a reading among the new ones was measured before {@code since}, a new walk over them all. The
     * same as {@link #shiftFromScratch()} (KpiShiftTrackTest).
     */
    private Optional<Shift> shift(Instant since, PlanLine plan) {
        if (shiftTrack != null && !extend(shiftTrack, since, plan)) {
            shiftTrack = null;
        }
        if (shiftTrack == null) {
            ShiftDetector.Walk walk = ShiftDetector.STANDARD.walk();
            latestCounted(readingOrder.size(), since)
                    .forEach(reading -> walk.add(KpiStatusRule.deviation(reading, plan, direction)));
            shiftTrack = new ShiftTrack(walk, latestPlaced());
        }
        return shiftTrack.walk.shift();
    }

    /** For tests: the shift a reassessment now finds, through the kept walk. */
    Optional<Shift> shift() {
        return shift(currentTarget().effectiveAt(), detection().plan());
    }

    /** For tests: a new walk over every counted reading since the latest retarget, as before the walk was kept. */
    Optional<Shift> shiftFromScratch() {
        PlanLine plan = detection().plan();
        return ShiftDetector.STANDARD.detect(latestCounted(readingOrder.size(), currentTarget().effectiveAt()).stream()
                .map(reading -> KpiStatusRule.deviation(reading, plan, direction))
                .toList());
    }

    /** Adds to the track the readings placed after its last one; false when it cannot (then it is rebuilt). */
    private boolean extend(ShiftTrack track, Instant since, PlanLine plan) {
        int at = readingOrder.size();
        List<Reading> added = new ArrayList<>();
        while (at > 0 && !readingOrder.get(at - 1).equals(track.through)) {
            Reading reading = ruleReading(readingOrder.get(--at));
            if (since != null && reading.measuredAt().isBefore(since)) {
                return false;
            }
            if (!reading.retracted()) {
                added.add(reading);
            }
        }
        if (at == 0 && track.through != null) {
            return false;
        }
        for (int i = added.size() - 1; i >= 0; i--) {
            track.walk.add(KpiStatusRule.deviation(added.get(i), plan, direction));
        }
        track.through = latestPlaced();
        return true;
    }

    /** The id last in measured order, retracted or not; null when there are no readings. */
    private String latestPlaced() {
        return readingOrder.isEmpty() ? null : readingOrder.get(readingOrder.size() - 1);
    }

    /**
     * The shift detector's walk, and the reading id last in {@link #readingOrder} when it was brought up to date
     * (null: there were none); every counted reading since the retarget up to that one is in the walk.
     */
    private static final class ShiftTrack {
        private final ShiftDetector.Walk walk;
        private String through;

        ShiftTrack(ShiftDetector.Walk walk, String through) {
            this.walk = walk;
            this.through = through;
        }
    }

    private Optional<SignalBoard.Detected> staleness(KpiSignals detection, Instant now) {
        return KpiStaleness.evaluate(latestCounted().map(Reading::measuredAt), definedAt,
                detection.plan().currentTarget(), cadenceDays(), now).map(detection::stale);
    }

    private KpiSignals detection() {
        TargetInForce defined = targets.get(0);
        List<Retarget> retargets = targets.subList(1, targets.size()).stream()
                .map(t -> Retarget.of(t.effectiveAt(), t.value(), t.date(), t.tolerance()))
                .toList();
        PlanLine plan = PlanLine.of(baseline, baselineDate, new Target(defined.value(), defined.date(), defined.tolerance()),
                retargets);
        return new KpiSignals(name, unit, cadence, direction, plan);
    }

    /** The latest counted reading. */
    private Optional<Reading> latestCounted() {
        List<Reading> latest = latestCounted(1, null);
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }

    /**
     * Up to {@code n} of the latest readings that count, oldest first, measured at or after {@code since} when given.
     */
    private List<Reading> latestCounted(int n, Instant since) {
        List<Reading> latest = new ArrayList<>(n);
        for (int i = readingOrder.size() - 1; i >= 0 && latest.size() < n; i--) {
            Reading reading = ruleReading(readingOrder.get(i));
            if (since != null && reading.measuredAt().isBefore(since)) {
                break;
            }
            if (!reading.retracted()) {
                latest.add(reading);
            }
        }
        Collections.reverse(latest);
        return latest;
    }

    private Reading ruleReading(String readingId) {
        HeldReading reading = readings.get(readingId);
        return new Reading(readingId, reading.value(), reading.measuredAt(), reading.recordedAt(),
                reading.retracted());
    }

    private BigDecimal cadenceDays() {
        return Cadence.lengthInDays(cadence).orElseThrow();
    }

    private Subject subject() {
        return Subject.kpi(programmeId, kpiId);
    }

    private TargetInForce currentTarget() {
        return targets.get(targets.size() - 1);
    }

    private static ProgrammeDirectory.Entry openProgramme(ProgrammeDirectory directory, String programmeId) {
        ProgrammeDirectory.Entry programme = directory.find(programmeId)
                .orElseThrow(() -> new NotFoundException("Programme " + programmeId + " not found"));
        if (programme.status() == ProgrammeStatus.CLOSED) {
            throw new ConflictException("Programme " + programmeId + " is closed");
        }
        return programme;
    }

    private static void requireTargetBeyondBaseline(Direction direction, BigDecimal baseline, BigDecimal target) {
        plausibleDecimal(target, "target");
        int comparison = target.compareTo(baseline);
        boolean beyond = direction == Direction.HIGHER_IS_BETTER ? comparison > 0 : comparison < 0;
        if (!beyond) {
            throw new RuleViolationException("target", "target must be "
                    + (direction == Direction.HIGHER_IS_BETTER ? "above" : "below") + " the baseline " + baseline
                    + " for a KPI where " + direction);
        }
    }

    private static void requireTargetDateAfter(LocalDate targetDate, LocalDate earliest, String earliestName) {
        present(targetDate, "targetDate");
        if (!targetDate.isAfter(earliest)) {
            throw new RuleViolationException("targetDate", "targetDate must be after " + earliestName + " " + earliest);
        }
    }

    private static void requirePositiveTolerance(BigDecimal tolerance) {
        plausibleDecimal(tolerance, "tolerance");
        if (tolerance.signum() <= 0) {
            throw new RuleViolationException("tolerance", "tolerance must be greater than 0");
        }
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
        shiftTrack = null;
    }

    @EventSourcingHandler
    void on(ReadingRecorded event, @Timestamp Instant recordedAt) {
        readings.put(event.readingId(), new HeldReading(event.value(), event.value(), event.measuredAt(), recordedAt,
                event.source(), event.note(), false));
        placeInMeasuredOrder(event.readingId());
    }

    /** Readings mostly arrive in measured order, so the place is found from the end. */
    private void placeInMeasuredOrder(String readingId) {
        Reading added = ruleReading(readingId);
        int at = readingOrder.size();
        while (at > 0 && Reading.IN_MEASURED_ORDER.compare(ruleReading(readingOrder.get(at - 1)), added) > 0) {
            at--;
        }
        readingOrder.add(at, readingId);
        if (at < readingOrder.size() - 1) {
            shiftTrack = null; // placed before readings the walk has seen
        }
    }

    /** A target and the tolerance around it, in force from {@code effectiveAt} (null: from the definition). */
    record TargetInForce(Instant effectiveAt, BigDecimal value, LocalDate date, BigDecimal tolerance) {
    }

    @EventSourcingHandler
    void on(ReadingCorrected event) {
        readings.computeIfPresent(event.readingId(), (id, reading) -> reading.withValue(event.value()));
        shiftTrack = null;
    }

    @EventSourcingHandler
    void on(ReadingRetracted event) {
        readings.computeIfPresent(event.readingId(), (id, reading) -> reading.asRetracted());
        shiftTrack = null;
    }

    /**
     * What the aggregate holds of a reading (named apart from the rules' {@link Reading}, which it becomes for them):
     * the value as first recorded (a repeated post is answered with the first receipt),
     * the current value (a correction reports what it replaced), and whether it was retracted.
     */
    record HeldReading(
            BigDecimal recordedValue,
            BigDecimal value,
            Instant measuredAt,
            Instant recordedAt,
            String source,
            String note,
            boolean retracted) {

        HeldReading withValue(BigDecimal newValue) {
            return new HeldReading(recordedValue, newValue, measuredAt, recordedAt, source, note, retracted);
        }

        HeldReading asRetracted() {
            return new HeldReading(recordedValue, value, measuredAt, recordedAt, source, note, true);
        }
    }
}

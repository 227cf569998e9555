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
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.kpi.Cadence;
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
import nl.koers.tracking.ProgrammeDirectory;

/**
 * A KPI of a programme with its readings. Each KPI is its own aggregate, so teams posting readings to different KPIs
 * of one programme never contend; what it needs of the programme comes from the {@link ProgrammeDirectory}.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Kpi {

    /** How far ahead of now a reading's measuredAt may lie, to allow for clocks and time zones of the sender. */
    private static final Duration MEASURED_AT_LEEWAY = Duration.ofDays(1);

    @AggregateIdentifier
    private String kpiKey;
    private String programmeId;
    private String kpiId;
    private Direction direction;
    private BigDecimal baseline;
    private LocalDate baselineDate;
    private BigDecimal target;
    private LocalDate targetDate;
    private BigDecimal tolerance;
    private Map<String, Reading> readings = new HashMap<>();

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
        BigDecimal effectiveTolerance = command.tolerance() == null ? tolerance : command.tolerance();
        requirePositiveTolerance(effectiveTolerance);
        notBlank(command.reason(), "reason");
        apply(new KpiRetargeted(programmeId, kpiId, command.target(), command.targetDate(), effectiveTolerance,
                target, targetDate, command.reason()));
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
        Reading earlier = readings.get(command.readingId());
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
        return receipt(command.readingId(), readings.get(command.readingId()), false);
    }

    @CommandHandler
    public void handle(CorrectReading command, ProgrammeDirectory directory) {
        openProgramme(directory, programmeId);
        Reading reading = currentReading(command.readingId());
        plausibleDecimal(command.value(), "value");
        notBlank(command.reason(), "reason");
        apply(new ReadingCorrected(programmeId, kpiId, command.readingId(), command.value(), reading.value(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RetractReading command, ProgrammeDirectory directory) {
        openProgramme(directory, programmeId);
        currentReading(command.readingId());
        notBlank(command.reason(), "reason");
        apply(new ReadingRetracted(programmeId, kpiId, command.readingId(), command.reason()));
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
    private Reading currentReading(String readingId) {
        Reading reading = readings.get(readingId);
        if (reading == null) {
            throw new NotFoundException("Reading " + readingId + " not found in KPI " + kpiId);
        }
        if (reading.retracted()) {
            throw new ConflictException("Reading " + readingId + " has been retracted");
        }
        return reading;
    }

    private ReadingReceipt receipt(String readingId, Reading reading, boolean duplicate) {
        return new ReadingReceipt(programmeId, kpiId, readingId, reading.recordedValue(), reading.measuredAt(),
                reading.recordedAt(), reading.source(), reading.note(), duplicate);
    }

    @EventSourcingHandler
    void on(KpiDefined event) {
        kpiKey = KpiKey.of(event.programmeId(), event.kpiId());
        programmeId = event.programmeId();
        kpiId = event.kpiId();
        direction = event.direction();
        baseline = event.baseline();
        baselineDate = event.baselineDate();
        target = event.target();
        targetDate = event.targetDate();
        tolerance = event.tolerance();
    }

    @EventSourcingHandler
    void on(KpiRetargeted event) {
        target = event.target();
        targetDate = event.targetDate();
        tolerance = event.tolerance();
    }

    @EventSourcingHandler
    void on(ReadingRecorded event, @Timestamp Instant recordedAt) {
        readings.put(event.readingId(), new Reading(event.value(), event.value(), event.measuredAt(), recordedAt,
                event.source(), event.note(), false));
    }

    @EventSourcingHandler
    void on(ReadingCorrected event) {
        readings.computeIfPresent(event.readingId(), (id, reading) -> reading.withValue(event.value()));
    }

    @EventSourcingHandler
    void on(ReadingRetracted event) {
        readings.computeIfPresent(event.readingId(), (id, reading) -> reading.asRetracted());
    }

    /**
     * What the reading rules need: the value as first recorded (a repeated post is answered with the first receipt),
     * the current value (a correction reports what it replaced), and whether it was retracted.
     */
    record Reading(
            BigDecimal recordedValue,
            BigDecimal value,
            Instant measuredAt,
            Instant recordedAt,
            String source,
            String note,
            boolean retracted) {

        Reading withValue(BigDecimal newValue) {
            return new Reading(recordedValue, newValue, measuredAt, recordedAt, source, note, retracted);
        }

        Reading asRetracted() {
            return new Reading(recordedValue, value, measuredAt, recordedAt, source, note, true);
        }
    }
}

package nl.koers.tracking.kpi;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;

import nl.koers.api.kpi.Direction;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Reading;
import nl.koers.rules.Shift;

/**
 * The readings of a KPI as the aggregate holds them, and their ids in measured order: the rules need only the latest
 * few, which this finds from the end without sorting years of readings. It keeps the shift detector's walk over them
 * ({@link ShiftTrack}) and drops it when a past deviation changes. Part of the KPI's snapshot, unwrapped into it: its
 * fields keep the names they had as fields of the KPI.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
final class KpiReadings {

    private Map<String, HeldReading> readings = new HashMap<>();
    /** Reading ids oldest first by measuredAt (ties to the later recordedAt), retracted ones included. */
    private List<String> readingOrder = new ArrayList<>();
    /** Derived, so not in a snapshot: null after loading one or replaying events, and when a past deviation changes. */
    @JsonIgnore
    private transient ShiftTrack shiftTrack;

    /** The reading of {@code readingId}, null when there is none. */
    HeldReading get(String readingId) {
        return readings.get(readingId);
    }

    /** How many readings were recorded, retracted ones included. */
    int size() {
        return readingOrder.size();
    }

    /** Adds a reading in its measured place, found from the end: readings mostly arrive in measured order. */
    void add(String readingId, HeldReading reading) {
        readings.put(readingId, reading);
        Reading added = ruleReading(readingId);
        int at = readingOrder.size();
        while (at > 0 && Reading.IN_MEASURED_ORDER.compare(ruleReading(readingOrder.get(at - 1)), added) > 0) {
            at--;
        }
        readingOrder.add(at, readingId);
        if (at < readingOrder.size() - 1) {
            forgetShiftTrack(); // placed before readings the walk has seen
        }
    }

    void correct(String readingId, BigDecimal value) {
        readings.computeIfPresent(readingId, (id, reading) -> reading.withValue(value));
        forgetShiftTrack();
    }

    void retract(String readingId) {
        readings.computeIfPresent(readingId, (id, reading) -> reading.asRetracted());
        forgetShiftTrack();
    }

    /**
     * What the shift detector finds over the deviations of the counted readings measured at or after {@code since}
     * (all when null) from {@code plan}: the kept walk extended by the readings placed since, or a new walk. The same
     * as a new walk every time (KpiShiftTrackTest).
     */
    Optional<Shift> shift(Instant since, PlanLine plan, Direction direction) {
        if (shiftTrack == null || !shiftTrack.extend(this, since, plan, direction)) {
            shiftTrack = ShiftTrack.over(this, since, plan, direction);
        }
        return shiftTrack.shift();
    }

    /** After a retarget, or a change to a reading the walk has seen: the next shift walks every reading anew. */
    void forgetShiftTrack() {
        shiftTrack = null;
    }

    /** The latest counted reading. */
    Optional<Reading> latestCounted() {
        List<Reading> latest = latestCounted(1, null);
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }

    /**
     * Up to {@code n} of the latest readings that count, oldest first, measured at or after {@code since} when given.
     */
    List<Reading> latestCounted(int n, Instant since) {
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

    /**
     * The readings placed after {@code through} (all when null), retracted ones included, oldest first; empty when
     * {@code through} is not among them.
     */
    Optional<List<Reading>> placedAfter(String through) {
        List<Reading> after = new ArrayList<>();
        int at = readingOrder.size();
        while (at > 0 && !readingOrder.get(at - 1).equals(through)) {
            after.add(ruleReading(readingOrder.get(--at)));
        }
        if (at == 0 && through != null) {
            return Optional.empty();
        }
        Collections.reverse(after);
        return Optional.of(after);
    }

    /** The id last in measured order, retracted or not; null when there are no readings. */
    String latestPlaced() {
        return readingOrder.isEmpty() ? null : readingOrder.get(readingOrder.size() - 1);
    }

    private Reading ruleReading(String readingId) {
        HeldReading reading = readings.get(readingId);
        return new Reading(readingId, reading.value(), reading.measuredAt(), reading.recordedAt(),
                reading.retracted());
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

package nl.koers.tracking.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.koers.api.kpi.Direction;
import nl.koers.rules.KpiStatusRule;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Reading;
import nl.koers.rules.Shift;
import nl.koers.rules.ShiftDetector;

/**
 * The shift detector's walk over the deviations of a KPI's counted readings since its latest retarget, up to
 * {@link #through} in measured order: each reassessment adds only the readings placed after it, so a reading costs
 * the same at any history length. Derived, not part of a snapshot: {@link KpiReadings} drops it when a past deviation
 * changes (a retarget, a correction, a retraction, a reading placed before the latest), and has none after loading a
 * snapshot or replaying events; the next reassessment then walks every reading since the retarget once.
 */
final class ShiftTrack {

    private final ShiftDetector.Walk walk;
    /** The reading id last in measured order when the walk was brought up to date; null: there were none. */
    private String through;

    private ShiftTrack(ShiftDetector.Walk walk, String through) {
        this.walk = walk;
        this.through = through;
    }

    /** A new walk over every counted reading measured at or after {@code since} (all when null). */
    static ShiftTrack over(KpiReadings readings, Instant since, PlanLine plan, Direction direction) {
        ShiftDetector.Walk walk = ShiftDetector.STANDARD.walk();
        readings.latestCounted(readings.size(), since)
                .forEach(reading -> walk.add(KpiStatusRule.deviation(reading, plan, direction)));
        return new ShiftTrack(walk, readings.latestPlaced());
    }

    /**
     * Adds to the walk the readings placed after its last one; false when it cannot (then it is walked anew): a
     * reading among them was measured before {@code since}, or its last one is gone.
     */
    boolean extend(KpiReadings readings, Instant since, PlanLine plan, Direction direction) {
        Optional<List<Reading>> added = readings.placedAfter(through);
        if (added.isEmpty() || added.get().stream()
                .anyMatch(reading -> since != null && reading.measuredAt().isBefore(since))) {
            return false;
        }
        added.get().stream()
                .filter(reading -> !reading.retracted())
                .forEach(reading -> walk.add(KpiStatusRule.deviation(reading, plan, direction)));
        through = readings.latestPlaced();
        return true;
    }

    Optional<Shift> shift() {
        return walk.shift();
    }
}

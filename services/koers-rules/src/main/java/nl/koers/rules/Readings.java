package nl.koers.rules;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which readings count, and in which order. */
public final class Readings {

    private Readings() {
    }

    /** The readings that count (not retracted), oldest first by measuredAt, ties to the later recordedAt last. */
    public static List<Reading> counted(Collection<Reading> readings) {
        return readings.stream().filter(reading -> !reading.retracted()).sorted(Reading.IN_MEASURED_ORDER).toList();
    }

    /** The latest reading that counts: the greatest measuredAt, ties to the later recordedAt. */
    public static Optional<Reading> latest(Collection<Reading> readings) {
        return readings.stream().filter(reading -> !reading.retracted()).max(Reading.IN_MEASURED_ORDER);
    }

    /** The last {@code n} counted readings, oldest first. */
    public static List<Reading> lastCounted(Collection<Reading> readings, int n) {
        List<Reading> counted = counted(readings);
        return counted.subList(Math.max(0, counted.size() - n), counted.size());
    }
}

package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A KPI reading as the rules need it: its current value (after corrections), when it was true ({@code measuredAt}),
 * when we learned it ({@code recordedAt}), and whether it was retracted (then no rule counts it).
 */
public record Reading(String readingId, BigDecimal value, Instant measuredAt, Instant recordedAt, boolean retracted) {

    /** Oldest first by measuredAt; ties go to the later recordedAt (it comes last), then to the readingId. */
    public static final Comparator<Reading> IN_MEASURED_ORDER = Comparator.comparing(Reading::measuredAt)
            .thenComparing(Reading::recordedAt)
            .thenComparing(Reading::readingId);

    public Reading {
        Objects.requireNonNull(readingId, "readingId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A reading that has not been retracted. */
    public static Reading of(String readingId, BigDecimal value, Instant measuredAt, Instant recordedAt) {
        return new Reading(readingId, value, measuredAt, recordedAt, false);
    }
}

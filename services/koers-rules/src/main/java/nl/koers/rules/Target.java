package nl.koers.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Where a plan segment heads: the target value on the target date, and how far worse than plan still counts as GREEN. */
public record Target(BigDecimal value, LocalDate date, BigDecimal tolerance) {

    public Target {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.signum() <= 0) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
    }
}

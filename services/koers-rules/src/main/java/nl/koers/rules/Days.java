package nl.koers.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Time as the rules see it: fractional days of UTC time (seconds / 86400); a date means 00:00 UTC of that date. */
public final class Days {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000);

    private Days() {
    }

    /** The days from {@code from} to {@code to}, negative when {@code to} lies before {@code from}. */
    public static BigDecimal between(Instant from, Instant to) {
        return Decimals.divide(secondsBetween(from, to), SECONDS_PER_DAY);
    }

    /** The exact seconds (to the nanosecond) from {@code from} to {@code to}; ratios of these need no rounding of days. */
    public static BigDecimal secondsBetween(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    }

    /** The moment {@code days} (possibly fractional or negative) after {@code from}, to the nanosecond. */
    public static Instant plus(Instant from, BigDecimal days) {
        return plusSeconds(from, days.multiply(SECONDS_PER_DAY));
    }

    /** The moment {@code seconds} (possibly fractional or negative) after {@code from}, to the nanosecond. */
    public static Instant plusSeconds(Instant from, BigDecimal seconds) {
        BigDecimal nanos = seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        return from.plusSeconds(secondsAndNanos[0].longValueExact()).plusNanos(secondsAndNanos[1].longValueExact());
    }

    /** 00:00 UTC of {@code date}. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The UTC date on which {@code instant} falls. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}

package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import nl.koers.api.signal.Severity;

/**
 * KPI_STALE: now − the later of (latest measuredAt, the KPI's definition) exceeds 1.5 × cadence, until the KPI's
 * target date has passed.
 *
 * @param lastActivityAt the later of the latest measuredAt and the KPI's definition
 * @param daysSince      the days from then to now
 * @param allowedDays    1.5 × the cadence in days
 */
public record KpiStaleness(Instant lastActivityAt, BigDecimal daysSince, BigDecimal allowedDays) {

    public static final Severity SEVERITY = Severity.WARNING;
    public static final BigDecimal ALLOWED_CADENCES = new BigDecimal("1.5");

    /**
     * @param latestMeasuredAt the latest measuredAt of the readings that count, empty without readings
     * @param definedAt        when the KPI was defined
     * @param target           the target in force now (its date ends the rule)
     * @param cadenceDays      the cadence's length in days ({@link nl.koers.api.kpi.Cadence#lengthInDays})
     */
    public static Optional<KpiStaleness> evaluate(
            Optional<Instant> latestMeasuredAt, Instant definedAt, Target target, BigDecimal cadenceDays, Instant now) {
        if (target.date().isBefore(Days.dateOf(now))) {
            return Optional.empty();
        }
        Instant lastActivityAt = latestMeasuredAt.filter(measuredAt -> measuredAt.isAfter(definedAt)).orElse(definedAt);
        BigDecimal daysSince = Days.between(lastActivityAt, now);
        BigDecimal allowedDays = ALLOWED_CADENCES.multiply(cadenceDays, Decimals.MATH);
        return daysSince.compareTo(allowedDays) > 0
                ? Optional.of(new KpiStaleness(lastActivityAt, daysSince, allowedDays))
                : Optional.empty();
    }

    /** The staleness of a KPI with these {@code readings} (retracted ones do not count), heading for the plan's current target. */
    public static Optional<KpiStaleness> evaluate(
            Collection<Reading> readings, Instant definedAt, PlanLine plan, BigDecimal cadenceDays, Instant now) {
        Optional<Instant> latestMeasuredAt = Readings.latest(readings).map(Reading::measuredAt);
        return evaluate(latestMeasuredAt, definedAt, plan.currentTarget(), cadenceDays, now);
    }
}

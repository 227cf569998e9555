package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import nl.koers.api.kpi.Direction;
import nl.koers.api.signal.Severity;

/**
 * KPI_FORECAST_MISS: before the target date, even the favourable one-sided 95 % confidence bound of the forecast at
 * the target date is worse than the target by more than the tolerance. Once raised, it holds until that bound comes
 * within half the tolerance of the target (hysteresis), so that a forecast near the edge does not flicker.
 *
 * @param forecast         the forecast that misses
 * @param target           the target it misses
 * @param shortfall        how far the forecast value at the target date is worse than the target
 * @param shortfallAtBound how far the favourable bound there is worse than the target (> tolerance to raise,
 *                         > tolerance / 2 to stay)
 */
public record KpiForecastMiss(Forecast forecast, Target target, BigDecimal shortfall, BigDecimal shortfallAtBound) {

    public static final Severity SEVERITY = Severity.WARNING;
    /** An open miss clears when the favourable bound comes within this share of the tolerance. */
    public static final BigDecimal CLEARING_SHARE_OF_TOLERANCE = new BigDecimal("0.5");

    /** The miss of {@code forecast} against {@code target} at {@code now}, if any; {@code open}: raised already. */
    public static Optional<KpiForecastMiss> evaluate(
            Forecast forecast, Target target, Direction direction, Instant now, boolean open) {
        if (!Days.dateOf(now).isBefore(target.date())) {
            return Optional.empty();
        }
        BigDecimal shortfall = KpiStatusRule.deviation(forecast.valueAtTargetDate(), target.value(), direction).negate();
        BigDecimal shortfallAtBound = KpiStatusRule.deviation(forecast.favourableBound(direction), target.value(), direction)
                .negate();
        BigDecimal allowed = open ? target.tolerance().multiply(CLEARING_SHARE_OF_TOLERANCE) : target.tolerance();
        return shortfallAtBound.compareTo(allowed) > 0
                ? Optional.of(new KpiForecastMiss(forecast, target, shortfall, shortfallAtBound))
                : Optional.empty();
    }

    /** The miss of the forecast from {@code readings} against the plan's current target at {@code now}, if any. */
    public static Optional<KpiForecastMiss> evaluate(Collection<Reading> readings, PlanLine plan, Direction direction,
                                                     BigDecimal cadenceDays, Instant now, boolean open) {
        return Forecast.of(readings, plan, direction, cadenceDays)
                .flatMap(forecast -> evaluate(forecast, plan.currentTarget(), direction, now, open));
    }
}

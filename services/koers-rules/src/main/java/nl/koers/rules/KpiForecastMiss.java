package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import nl.koers.api.kpi.Direction;
import nl.koers.api.signal.Severity;

/**
 * KPI_FORECAST_MISS: before the target date, the forecast reaches the target date worse than target by more than the
 * tolerance.
 *
 * @param forecast  the forecast that misses
 * @param target    the target it misses
 * @param shortfall how far the forecast value at the target date is worse than the target (> tolerance)
 */
public record KpiForecastMiss(Forecast forecast, Target target, BigDecimal shortfall) {

    public static final Severity SEVERITY = Severity.WARNING;

    /** The miss of {@code forecast} against {@code target} at {@code now}, if any. */
    public static Optional<KpiForecastMiss> evaluate(Forecast forecast, Target target, Direction direction, Instant now) {
        if (!Days.dateOf(now).isBefore(target.date())) {
            return Optional.empty();
        }
        BigDecimal shortfall = KpiStatusRule.deviation(forecast.valueAtTargetDate(), target.value(), direction).negate();
        return shortfall.compareTo(target.tolerance()) > 0
                ? Optional.of(new KpiForecastMiss(forecast, target, shortfall))
                : Optional.empty();
    }

    /** The miss of the forecast from {@code readings} against the plan's current target at {@code now}, if any. */
    public static Optional<KpiForecastMiss> evaluate(
            Collection<Reading> readings, PlanLine plan, Direction direction, BigDecimal cadenceDays, Instant now) {
        Target target = plan.currentTarget();
        return Forecast.of(readings, target, direction, cadenceDays)
                .flatMap(forecast -> evaluate(forecast, target, direction, now));
    }
}

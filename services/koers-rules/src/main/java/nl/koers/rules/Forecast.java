package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.koers.api.kpi.Direction;

/**
 * Where a KPI heads at its current rate: the least-squares line through its readings since its latest retarget (at
 * most the last 16 by measuredAt), read at the target date with the one-sided 95 % confidence bounds of the line
 * there, and the moment that line reaches the target.
 *
 * @param valueAtTargetDate the line's value at 00:00 UTC of the target date
 * @param valueAtTargetLow  the lower one-sided 95 % confidence bound of the line there
 * @param valueAtTargetHigh the upper one-sided 95 % confidence bound of the line there
 * @param targetReachedAt   when the line reaches the target value (in the past when it already has); empty ("never")
 *                          when the line stands still or moves away from the target, or would take over 100 years
 * @param slopePerDay       the line's rise per day
 * @param readingsUsed      how many readings the line runs through (6 to 16)
 */
public record Forecast(
        BigDecimal valueAtTargetDate,
        BigDecimal valueAtTargetLow,
        BigDecimal valueAtTargetHigh,
        Optional<Instant> targetReachedAt,
        BigDecimal slopePerDay,
        int readingsUsed) {

    public static final int READINGS = 16;
    public static final int MIN_READINGS = 6;
    /** The readings must span at least this many cadences. */
    public static final BigDecimal MIN_SPAN_IN_CADENCES = BigDecimal.valueOf(3);
    /** 100 years of 365 days, the year length PRODUCT.md uses for P1Y. */
    public static final BigDecimal HORIZON_DAYS = BigDecimal.valueOf(100 * 365);

    /**
     * t(0.95, n − 2), the one-sided 95 % quantile of Student's t, for n = 6 … 16 readings (index n − 6).
     */
    private static final BigDecimal[] T_95 = {
            new BigDecimal("2.132"), new BigDecimal("2.015"), new BigDecimal("1.943"), new BigDecimal("1.895"),
            new BigDecimal("1.860"), new BigDecimal("1.833"), new BigDecimal("1.812"), new BigDecimal("1.796"),
            new BigDecimal("1.782"), new BigDecimal("1.771"), new BigDecimal("1.761")};

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    /** Also bounds a crossing far in the past, which a nearly flat line already beyond the target would give. */
    private static final BigDecimal HORIZON_SECONDS = HORIZON_DAYS.multiply(SECONDS_PER_DAY);

    /** The target date when the target was reached (UTC). */
    public Optional<LocalDate> targetReachedOn() {
        return targetReachedAt.map(Days::dateOf);
    }

    /** The bound most in the KPI's favour: the upper one where higher is better, else the lower one. */
    public BigDecimal favourableBound(Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? valueAtTargetHigh : valueAtTargetLow;
    }

    /**
     * The forecast from the counted readings measured since {@code plan}'s latest retarget (all of them when it was
     * never retargeted), at most the last 16, against its current target; empty with fewer than 6 of them or when
     * they span less than 3 × {@code cadenceDays}.
     */
    public static Optional<Forecast> of(Collection<Reading> readings, PlanLine plan, Direction direction, BigDecimal cadenceDays) {
        Optional<Instant> since = plan.latestRetargetAt();
        List<Reading> sinceRetarget = readings.stream()
                .filter(reading -> since.isEmpty() || !reading.measuredAt().isBefore(since.get()))
                .toList();
        return of(Readings.lastCounted(sinceRetarget, READINGS), plan.currentTarget(), direction, cadenceDays);
    }

    private static Optional<Forecast> of(List<Reading> used, Target target, Direction direction, BigDecimal cadenceDays) {
        if (used.size() < MIN_READINGS) {
            return Optional.empty();
        }
        Instant origin = used.get(0).measuredAt();
        Instant latest = used.get(used.size() - 1).measuredAt();
        if (Days.between(origin, latest).compareTo(cadenceDays.multiply(MIN_SPAN_IN_CADENCES)) < 0) {
            return Optional.empty();
        }
        Line line = Line.fit(used, origin);
        BigDecimal atTargetDate = Days.secondsBetween(origin, Days.startOf(target.date()));
        BigDecimal valueAtTargetDate = line.valueAt(atTargetDate);
        BigDecimal margin = T_95[used.size() - MIN_READINGS].multiply(line.standardErrorAt(atTargetDate, used, origin),
                Decimals.MATH);
        Optional<Instant> reachedAt = line.reaching(target.value())
                .filter(seconds -> line.improves(direction))
                .filter(seconds -> seconds.subtract(Days.secondsBetween(origin, latest)).abs().compareTo(HORIZON_SECONDS) <= 0)
                .map(seconds -> Days.plusSeconds(origin, seconds));
        return Optional.of(new Forecast(valueAtTargetDate, valueAtTargetDate.subtract(margin, Decimals.MATH),
                valueAtTargetDate.add(margin, Decimals.MATH), reachedAt, line.slopePerDay(), used.size()));
    }

    /**
     * The slope per day of the least-squares line through the readings (value against measuredAt); empty with fewer
     * than two readings or when all were measured at the same moment.
     */
    public static Optional<BigDecimal> slopePerDay(List<Reading> readings) {
        if (readings.size() < 2) {
            return Optional.empty();
        }
        Line line = Line.fit(readings, readings.get(0).measuredAt());
        return line.sxx().signum() == 0 ? Optional.empty() : Optional.of(line.slopePerDay());
    }

    /**
     * The least-squares line through (x, y) = (seconds since the first reading, value), kept as exact sums: with
     * sxx = nΣx² − (Σx)² and sxy = nΣxy − ΣxΣy the slope is sxy / sxx, and every result below takes one division.
     */
    private record Line(BigDecimal n, BigDecimal sumX, BigDecimal sumY, BigDecimal sxx, BigDecimal sxy) {

        static Line fit(List<Reading> readings, Instant origin) {
            BigDecimal sumX = BigDecimal.ZERO;
            BigDecimal sumY = BigDecimal.ZERO;
            BigDecimal sumXX = BigDecimal.ZERO;
            BigDecimal sumXY = BigDecimal.ZERO;
            for (Reading reading : readings) {
                BigDecimal x = Days.secondsBetween(origin, reading.measuredAt());
                sumX = sumX.add(x);
                sumY = sumY.add(reading.value());
                sumXX = sumXX.add(x.multiply(x));
                sumXY = sumXY.add(x.multiply(reading.value()));
            }
            BigDecimal n = BigDecimal.valueOf(readings.size());
            return new Line(n, sumX, sumY, n.multiply(sumXX).subtract(sumX.multiply(sumX)), n.multiply(sumXY).subtract(sumX.multiply(sumY)));
        }

        BigDecimal slopePerDay() {
            return Decimals.divide(sxy.multiply(SECONDS_PER_DAY), sxx);
        }

        /** ȳ + slope × (x − x̄) = (Σy·sxx + sxy·(n·x − Σx)) / (n·sxx). */
        BigDecimal valueAt(BigDecimal x) {
            return Decimals.divide(sumY.multiply(sxx).add(sxy.multiply(n.multiply(x).subtract(sumX))), n.multiply(sxx));
        }

        /**
         * s · √(1/n + (x − x̄)² / Sxx), with s² the residuals' sum of squares over n − 2 and Sxx = sxx / n, so that
         * (x − x̄)² / Sxx = (n·x − Σx)² / (n·sxx).
         */
        BigDecimal standardErrorAt(BigDecimal x, List<Reading> readings, Instant origin) {
            BigDecimal squaredResiduals = BigDecimal.ZERO;
            for (Reading reading : readings) {
                BigDecimal residual = reading.value().subtract(valueAt(Days.secondsBetween(origin, reading.measuredAt())));
                squaredResiduals = squaredResiduals.add(residual.multiply(residual, Decimals.MATH), Decimals.MATH);
            }
            BigDecimal variance = Decimals.divide(squaredResiduals, n.subtract(BigDecimal.valueOf(2)));
            BigDecimal fromCentre = n.multiply(x).subtract(sumX);
            BigDecimal leverage = Decimals.divide(BigDecimal.ONE, n)
                    .add(Decimals.divide(fromCentre.multiply(fromCentre), n.multiply(sxx)), Decimals.MATH);
            return variance.multiply(leverage, Decimals.MATH).sqrt(Decimals.MATH);
        }

        /** Where the line reaches {@code y}: x̄ + (y − ȳ) / slope = (Σx·sxy + (n·y − Σy)·sxx) / (n·sxy); empty when flat. */
        Optional<BigDecimal> reaching(BigDecimal y) {
            if (sxy.signum() == 0) {
                return Optional.empty();
            }
            return Optional.of(Decimals.divide(sumX.multiply(sxy).add(n.multiply(y).subtract(sumY).multiply(sxx)), n.multiply(sxy)));
        }

        boolean improves(Direction direction) {
            return direction == Direction.HIGHER_IS_BETTER ? sxy.signum() > 0 : sxy.signum() < 0;
        }
    }
}

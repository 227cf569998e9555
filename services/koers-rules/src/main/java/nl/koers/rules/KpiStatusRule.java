package nl.koers.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.koers.api.kpi.Direction;
import nl.koers.api.signal.Severity;

/**
 * The status of a reading against the plan line. Its deviation is value − plan, sign flipped for LOWER_IS_BETTER, so
 * positive is always better than plan: GREEN at −tolerance or better, AMBER from −2 × tolerance up to (not including)
 * −tolerance, RED below −2 × tolerance.
 */
public final class KpiStatusRule {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private KpiStatusRule() {
    }

    public static BigDecimal deviation(BigDecimal value, BigDecimal plan, Direction direction) {
        BigDecimal abovePlan = value.subtract(plan, Decimals.MATH);
        return direction == Direction.LOWER_IS_BETTER ? abovePlan.negate() : abovePlan;
    }

    /** The deviation of {@code reading} from the plan value at its measuredAt. */
    public static BigDecimal deviation(Reading reading, PlanLine plan, Direction direction) {
        return deviation(reading.value(), plan.valueAt(reading.measuredAt()), direction);
    }

    /** The deviations of the readings that count, oldest first by measuredAt. */
    public static List<BigDecimal> deviations(Collection<Reading> readings, PlanLine plan, Direction direction) {
        return Readings.counted(readings).stream().map(reading -> deviation(reading, plan, direction)).toList();
    }

    public static Status statusOf(BigDecimal deviation, BigDecimal tolerance) {
        BigDecimal negatedTolerance = tolerance.negate();
        if (deviation.compareTo(negatedTolerance) >= 0) {
            return Status.GREEN;
        }
        if (deviation.compareTo(negatedTolerance.multiply(TWO)) >= 0) {
            return Status.AMBER;
        }
        return Status.RED;
    }

    /** The status of {@code reading} against the plan and the tolerance in force at its measuredAt. */
    public static Status statusOf(Reading reading, PlanLine plan, Direction direction) {
        return statusOf(deviation(reading, plan, direction), plan.toleranceAt(reading.measuredAt()));
    }

    /** A KPI's status: that of its latest reading (retracted ones do not count), or NO_DATA without readings. */
    public static Status latest(Collection<Reading> readings, PlanLine plan, Direction direction) {
        return Readings.latest(readings).map(reading -> statusOf(reading, plan, direction)).orElse(Status.NO_DATA);
    }

    /** KPI_OFF_PLAN's severity: WARNING for AMBER, CRITICAL for RED, none otherwise. */
    public static Optional<Severity> offPlanSeverity(Status status) {
        return switch (status) {
            case AMBER -> Optional.of(Severity.WARNING);
            case RED -> Optional.of(Severity.CRITICAL);
            case GREEN, NO_DATA -> Optional.empty();
        };
    }
}

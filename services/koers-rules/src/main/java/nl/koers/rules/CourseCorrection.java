package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import nl.koers.api.kpi.Direction;

/**
 * Whether a course correction worked for one KPI: its trend (least-squares slope per week of the readings by
 * measuredAt) over the last {@value #TREND_READINGS} readings before the decision and over the readings since, and
 * its deviation from the plan line (positive is better than plan) at the last reading before and the latest since.
 * The KPI moved toward its plan line when the latest deviation is smaller in size than the one before the decision.
 * Any field is null where there are too few readings to tell.
 */
public record CourseCorrection(
        BigDecimal slopePerWeekBefore,
        BigDecimal slopePerWeekAfter,
        BigDecimal deviationBefore,
        BigDecimal deviationAfter,
        Boolean movedTowardPlan) {

    /** The readings before the decision whose trend is compared (the forecast's window before issue 15). */
    public static final int TREND_READINGS = 8;
    private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

    public static CourseCorrection of(Collection<Reading> readings, PlanLine plan, Direction direction, Instant decidedAt) {
        List<Reading> counted = readings.stream().filter(reading -> !reading.retracted())
                .sorted(Reading.IN_MEASURED_ORDER).toList();
        List<Reading> before = counted.stream().filter(reading -> reading.measuredAt().isBefore(decidedAt)).toList();
        before = before.subList(Math.max(0, before.size() - TREND_READINGS), before.size());
        List<Reading> after = counted.stream().filter(reading -> !reading.measuredAt().isBefore(decidedAt)).toList();
        BigDecimal deviationBefore = before.isEmpty() ? null
                : KpiStatusRule.deviation(before.get(before.size() - 1), plan, direction);
        BigDecimal deviationAfter = after.isEmpty() ? null
                : KpiStatusRule.deviation(after.get(after.size() - 1), plan, direction);
        return new CourseCorrection(perWeek(before), perWeek(after), deviationBefore, deviationAfter,
                deviationBefore == null || deviationAfter == null ? null
                        : deviationAfter.abs().compareTo(deviationBefore.abs()) < 0);
    }

    private static BigDecimal perWeek(List<Reading> readings) {
        return Forecast.slopePerDay(readings).map(slope -> slope.multiply(DAYS_PER_WEEK)).orElse(null);
    }
}

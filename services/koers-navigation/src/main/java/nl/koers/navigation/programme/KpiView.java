package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.Status;

/**
 * A KPI: its definition (with the target in force now), status and latest reading. {@code forecast},
 * {@code retargets}, {@code readings} and {@code signals} only where the whole KPI is asked.
 */
public record KpiView(
        String programmeId,
        String id,
        String name,
        String unit,
        Direction direction,
        BigDecimal baseline,
        LocalDate baselineDate,
        BigDecimal target,
        LocalDate targetDate,
        BigDecimal tolerance,
        String cadence,
        String objectiveId,
        Lever lever,
        Instant definedAt,
        Status status,
        ReadingView latestReading,
        BigDecimal planValueNow,
        @JsonInclude(JsonInclude.Include.NON_NULL) ForecastView forecast,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Retarget> retargets,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReadingView> readings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SignalView> signals) {

    public record Retarget(
            Instant effectiveAt,
            BigDecimal target,
            LocalDate targetDate,
            BigDecimal tolerance,
            BigDecimal previousTarget,
            LocalDate previousTargetDate,
            String reason) {
    }

    /**
     * The least-squares line through the readings since the latest retarget (at most the last 16): its value at the
     * target date with the one-sided 95 % confidence bounds there, and the date it reaches the target; null where
     * there is no forecast (fewer than 6 readings, or spanning less than 3 cadences) or the target is never reached.
     */
    public record ForecastView(BigDecimal valueAtTarget, BigDecimal valueAtTargetLow, BigDecimal valueAtTargetHigh,
                               LocalDate targetReachedOn) {
    }
}

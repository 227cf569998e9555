package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;

/** A KPI's definition and latest reading; {@code retargets} and {@code readings} only where the whole KPI is asked. */
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
        ReadingView latestReading,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Retarget> retargets,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReadingView> readings) {

    public record Retarget(
            Instant effectiveAt,
            BigDecimal target,
            LocalDate targetDate,
            BigDecimal tolerance,
            BigDecimal previousTarget,
            LocalDate previousTargetDate,
            String reason) {
    }
}

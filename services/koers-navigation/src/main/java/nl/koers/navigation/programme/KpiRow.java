package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiKey;
import nl.koers.api.kpi.Lever;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Retarget;
import nl.koers.rules.Target;

/** A KPI's definition as the projection keeps it in {@code nav_kpi}; the target is the one it was defined with. */
record KpiRow(String programmeId, String kpiId, String name, String unit, Direction direction,
              BigDecimal baseline, LocalDate baselineDate, Target defined, BigDecimal cadenceDays,
              String cadence, String objectiveId, Lever lever, Instant definedAt) {

    String key() {
        return KpiKey.of(programmeId, kpiId);
    }

    PlanLine planLine(List<Retarget> retargets) {
        return PlanLine.of(baseline, baselineDate, defined, retargets);
    }
}

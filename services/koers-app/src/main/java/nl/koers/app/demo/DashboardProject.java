package nl.koers.app.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project record of the US Federal IT Dashboard's 2012 export, with usable dates: it started before its planned
 * completion. Costs are in millions of dollars, null where the record has none.
 */
record DashboardProject(
        String investmentId,
        String agency,
        String investmentTitle,
        String projectId,
        String name,
        LocalDate start,
        LocalDate plannedCompletion,
        LocalDate projectedCompletion,
        BigDecimal plannedCost,
        BigDecimal projectedCost,
        LocalDate updated) {

    /** The same project with every date {@code days} later: its durations and variances stay as they are. */
    DashboardProject shiftedBy(long days) {
        return new DashboardProject(investmentId, agency, investmentTitle, projectId, name, start.plusDays(days),
                plannedCompletion.plusDays(days), projectedCompletion.plusDays(days), plannedCost, projectedCost,
                updated == null ? null : updated.plusDays(days));
    }
}

package nl.koers.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An investment of the IT Dashboard with its usable projects: a programme of the demo portfolio. */
record DashboardInvestment(String id, String agency, String title, List<DashboardProject> projects) {

    DashboardInvestment {
        projects = List.copyOf(projects);
    }

    /** The same investment with every date of its projects {@code days} later. */
    DashboardInvestment shiftedBy(long days) {
        return new DashboardInvestment(id, agency, title, projects.stream().map(project -> project.shiftedBy(days)).toList());
    }

    /** The earliest start of its projects. */
    LocalDate start() {
        return projects.stream().map(DashboardProject::start).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The latest planned completion of its projects. */
    LocalDate plannedEnd() {
        return projects.stream().map(DashboardProject::plannedCompletion).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** When the dashboard last updated any of its projects. */
    LocalDate lastUpdated() {
        return projects.stream().map(DashboardProject::updated).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(plannedEnd());
    }

    /**
     * How far the projected cost of its projects lies above their planned cost, in % of the planned cost (negative
     * when under); empty when no project has both costs or they plan none.
     */
    Optional<BigDecimal> costOverrunPercent() {
        List<DashboardProject> costed = projects.stream()
                .filter(project -> project.plannedCost() != null && project.projectedCost() != null).toList();
        BigDecimal planned = costed.stream().map(DashboardProject::plannedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal projected = costed.stream().map(DashboardProject::projectedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (planned.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(projected.subtract(planned).multiply(BigDecimal.valueOf(100))
                .divide(planned, 2, RoundingMode.HALF_EVEN));
    }
}

package nl.koers.tracking.kpi;

import static nl.koers.tracking.Require.plausibleDecimal;
import static nl.koers.tracking.Require.present;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.RuleViolationException;
import nl.koers.api.kpi.Direction;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Retarget;
import nl.koers.rules.Target;

/**
 * A target of a KPI and the tolerance around it, in force from {@code effectiveAt} (null: from the definition): one
 * segment of the plan line. Beside it, the rules a new target meets.
 */
record TargetInForce(Instant effectiveAt, BigDecimal value, LocalDate date, BigDecimal tolerance) {

    /** The plan line from the baseline through {@code targets}, the definition's first, then each retarget's. */
    static PlanLine planLine(BigDecimal baseline, LocalDate baselineDate, List<TargetInForce> targets) {
        TargetInForce defined = targets.get(0);
        List<Retarget> retargets = targets.subList(1, targets.size()).stream()
                .map(t -> Retarget.of(t.effectiveAt(), t.value(), t.date(), t.tolerance()))
                .toList();
        return PlanLine.of(baseline, baselineDate, new Target(defined.value(), defined.date(), defined.tolerance()),
                retargets);
    }

    /** A target lies beyond the baseline in the KPI's direction. */
    static void requireBeyondBaseline(Direction direction, BigDecimal baseline, BigDecimal target) {
        plausibleDecimal(target, "target");
        int comparison = target.compareTo(baseline);
        boolean beyond = direction == Direction.HIGHER_IS_BETTER ? comparison > 0 : comparison < 0;
        if (!beyond) {
            throw new RuleViolationException("target", "target must be "
                    + (direction == Direction.HIGHER_IS_BETTER ? "above" : "below") + " the baseline " + baseline
                    + " for a KPI where " + direction);
        }
    }

    static void requireDateAfter(LocalDate targetDate, LocalDate earliest, String earliestName) {
        present(targetDate, "targetDate");
        if (!targetDate.isAfter(earliest)) {
            throw new RuleViolationException("targetDate", "targetDate must be after " + earliestName + " " + earliest);
        }
    }

    static void requirePositiveTolerance(BigDecimal tolerance) {
        plausibleDecimal(tolerance, "tolerance");
        if (tolerance.signum() <= 0) {
            throw new RuleViolationException("tolerance", "tolerance must be greater than 0");
        }
    }
}

package nl.koers.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The XmR reference rules on a KPI's deviations (positive is better than plan), with limits from the up to 20
 * deviations before the latest one (at least 6): the latest point beyond the natural process limits, or the latest
 * 8 in a row on one side of the centre line. PRODUCT.md rates them too noisy to raise KPI_SHIFT alone; they give
 * the evidence its chart lines.
 */
public final class XmrRules {

    public static final int MAX_BASELINE = 20;
    public static final int MIN_BASELINE = 6;
    public static final int RUN_LENGTH = 8;

    /** Which XmR rule fired. */
    public enum Rule {
        POINT_BEYOND_LIMITS, RUN_ON_ONE_SIDE
    }

    /** An XmR rule that fired on the latest deviation, with the limits it was judged against. */
    public record Signal(Rule rule, ShiftDirection direction, BigDecimal latest, XmrLimits limits) {
    }

    private XmrRules() {
    }

    /** The limits the latest of {@code deviations} (oldest first) is judged against, or empty with fewer than 6 before it. */
    public static Optional<XmrLimits> limitsForLatest(List<BigDecimal> deviations) {
        int latest = deviations.size() - 1;
        if (latest < MIN_BASELINE) {
            return Optional.empty();
        }
        return Optional.of(XmrLimits.of(deviations.subList(Math.max(0, latest - MAX_BASELINE), latest)));
    }

    /** The first XmR rule the latest of {@code deviations} (oldest first) breaks, if any. */
    public static Optional<Signal> evaluate(List<BigDecimal> deviations) {
        Optional<XmrLimits> found = limitsForLatest(deviations);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        XmrLimits limits = found.get();
        BigDecimal latest = deviations.get(deviations.size() - 1);
        if (latest.compareTo(limits.lowerNaturalProcessLimit()) < 0) {
            return Optional.of(new Signal(Rule.POINT_BEYOND_LIMITS, ShiftDirection.WORSENING, latest, limits));
        }
        if (latest.compareTo(limits.upperNaturalProcessLimit()) > 0) {
            return Optional.of(new Signal(Rule.POINT_BEYOND_LIMITS, ShiftDirection.IMPROVING, latest, limits));
        }
        List<BigDecimal> run = deviations.subList(Math.max(0, deviations.size() - RUN_LENGTH), deviations.size());
        if (run.size() == RUN_LENGTH && run.stream().allMatch(d -> d.compareTo(limits.centreLine()) < 0)) {
            return Optional.of(new Signal(Rule.RUN_ON_ONE_SIDE, ShiftDirection.WORSENING, latest, limits));
        }
        if (run.size() == RUN_LENGTH && run.stream().allMatch(d -> d.compareTo(limits.centreLine()) > 0)) {
            return Optional.of(new Signal(Rule.RUN_ON_ONE_SIDE, ShiftDirection.IMPROVING, latest, limits));
        }
        return Optional.empty();
    }
}

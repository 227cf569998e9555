package nl.koers.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits of an XmR (individuals and moving range) chart over a baseline of values: the centre line (their mean),
 * the average moving range, the natural process limits (mean ± 2.66 × average moving range) and the upper range
 * limit (3.267 × average moving range).
 */
public record XmrLimits(
        BigDecimal centreLine,
        BigDecimal averageMovingRange,
        BigDecimal lowerNaturalProcessLimit,
        BigDecimal upperNaturalProcessLimit,
        BigDecimal upperRangeLimit) {

    public static final BigDecimal NATURAL_PROCESS_LIMIT_FACTOR = new BigDecimal("2.66");
    public static final BigDecimal UPPER_RANGE_LIMIT_FACTOR = new BigDecimal("3.267");

    /** The limits over {@code baseline}, oldest first; it needs at least two values to have a moving range. */
    public static XmrLimits of(List<BigDecimal> baseline) {
        if (baseline.size() < 2) {
            throw new IllegalArgumentException("an XmR baseline needs at least 2 values, had " + baseline.size());
        }
        BigDecimal centreLine = Decimals.mean(baseline);
        BigDecimal averageMovingRange = Decimals.mean(movingRanges(baseline));
        BigDecimal halfWidth = NATURAL_PROCESS_LIMIT_FACTOR.multiply(averageMovingRange, Decimals.MATH);
        return new XmrLimits(
                centreLine,
                averageMovingRange,
                centreLine.subtract(halfWidth, Decimals.MATH),
                centreLine.add(halfWidth, Decimals.MATH),
                UPPER_RANGE_LIMIT_FACTOR.multiply(averageMovingRange, Decimals.MATH));
    }

    /** |x(i) − x(i−1)| for each value after the first. */
    public static List<BigDecimal> movingRanges(List<BigDecimal> values) {
        List<BigDecimal> ranges = new ArrayList<>(Math.max(0, values.size() - 1));
        for (int i = 1; i < values.size(); i++) {
            ranges.add(values.get(i).subtract(values.get(i - 1), Decimals.MATH).abs());
        }
        return ranges;
    }
}

package nl.koers.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * KPI_SHIFT: a one-sided CUSUM, in each direction, over the latest 8 deviations from plan, measured from the mean of
 * the 20 deviations that precede them, with σ = their average moving range / 1.128. It fires when the CUSUM at the
 * latest deviation exceeds h × σ; each reading adds its distance from the mean beyond k × σ.
 * Give it only the deviations since the KPI's last retarget, oldest first by measuredAt.
 *
 * @param allowanceInSigmas        k
 * @param decisionIntervalInSigmas h
 */
public record ShiftDetector(BigDecimal allowanceInSigmas, BigDecimal decisionIntervalInSigmas) {

    public static final String RULE = "CUSUM";
    public static final int WINDOW = 8;
    public static final int BASELINE = 20;
    /** d2 for moving ranges of two: turns an average moving range into σ. */
    public static final BigDecimal D2 = new BigDecimal("1.128");

    /**
     * k = 0.5 σ and h = 6.5 σ: PRODUCT.md's CUSUM with h raised half a σ, so that not only the raised WARNINGs but
     * also the readings spent in a false WARNING stay over 150 readings apart (ShiftDetectorQualityTest measures both).
     */
    public static final ShiftDetector STANDARD = new ShiftDetector(new BigDecimal("0.5"), new BigDecimal("6.5"));

    public ShiftDetector {
        Objects.requireNonNull(allowanceInSigmas, "allowanceInSigmas");
        Objects.requireNonNull(decisionIntervalInSigmas, "decisionIntervalInSigmas");
    }

    /**
     * The shift the latest of {@code deviations} (oldest first) completes, if any; empty with fewer than 28 deviations
     * or when the baseline has no noise to measure against (σ = 0).
     */
    public Optional<Shift> detect(List<BigDecimal> deviations) {
        if (deviations.size() < BASELINE + WINDOW) {
            return Optional.empty();
        }
        int windowStart = deviations.size() - WINDOW;
        List<BigDecimal> baseline = deviations.subList(windowStart - BASELINE, windowStart);
        List<BigDecimal> window = deviations.subList(windowStart, deviations.size());
        BigDecimal mean = Decimals.mean(baseline);
        BigDecimal sigma = Decimals.divide(Decimals.mean(XmrLimits.movingRanges(baseline)), D2);
        if (sigma.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal allowance = allowanceInSigmas.multiply(sigma, Decimals.MATH);
        BigDecimal decisionInterval = decisionIntervalInSigmas.multiply(sigma, Decimals.MATH);
        BigDecimal worsening = BigDecimal.ZERO;
        BigDecimal improving = BigDecimal.ZERO;
        for (BigDecimal deviation : window) {
            BigDecimal aboveMean = deviation.subtract(mean, Decimals.MATH);
            improving = improving.add(aboveMean, Decimals.MATH).subtract(allowance, Decimals.MATH).max(BigDecimal.ZERO);
            worsening = worsening.subtract(aboveMean, Decimals.MATH).subtract(allowance, Decimals.MATH).max(BigDecimal.ZERO);
        }
        XmrLimits xmr = XmrRules.limitsForLatest(deviations).orElseThrow();
        if (worsening.compareTo(decisionInterval) > 0) {
            return Optional.of(new Shift(ShiftDirection.WORSENING, RULE, worsening, decisionInterval, allowance, mean, sigma, WINDOW, xmr));
        }
        if (improving.compareTo(decisionInterval) > 0) {
            return Optional.of(new Shift(ShiftDirection.IMPROVING, RULE, improving, decisionInterval, allowance, mean, sigma, WINDOW, xmr));
        }
        return Optional.empty();
    }
}

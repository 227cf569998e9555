package nl.koers.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * KPI_SHIFT: a one-sided CUSUM in each direction over a KPI's deviations from plan, measured from a fixed baseline:
 * the mean and σ (average moving range / 1.128) of the first 30 deviations since the KPI's latest retarget. The CUSUM
 * runs over the deviations after the baseline (at most the latest 52), starting with a fast initial response of half
 * the decision interval, and each deviation adds its distance from the baseline's mean beyond k × σ. A shift is
 * raised when the CUSUM exceeds h × σ, and an open one holds until its CUSUM falls to half of that.
 * Chosen by simulation (ShiftDetectorQualityTest, docs/BENCHMARKS.md): k = 0.5 and h = 5.75 give 408 readings between
 * false WARNINGs and a median delay of 5 readings for a 1.5 σ worsening (h = 5.5: 363 and 5; h = 6: 465 and 6), where
 * the first release (a window of the latest 8 measured from the 20 before them) reached 444 and 8.
 *
 * @param baselineReadings         how many deviations since the retarget set the mean and σ
 * @param runReadings              how many of the latest deviations after the baseline the CUSUM runs over
 * @param allowanceInSigmas        k
 * @param decisionIntervalInSigmas h
 */
public record ShiftDetector(int baselineReadings, int runReadings, BigDecimal allowanceInSigmas,
                            BigDecimal decisionIntervalInSigmas) {

    public static final String RULE = "CUSUM";
    /** d2 for moving ranges of two: turns an average moving range into σ. */
    public static final BigDecimal D2 = new BigDecimal("1.128");
    /** The CUSUM starts at, and an open shift holds down to, this share of the decision interval. */
    public static final BigDecimal HEAD_START = new BigDecimal("0.5");

    public static final ShiftDetector STANDARD = new ShiftDetector(30, 52, new BigDecimal("0.5"), new BigDecimal("5.75"));

    public ShiftDetector {
        Objects.requireNonNull(allowanceInSigmas, "allowanceInSigmas");
        Objects.requireNonNull(decisionIntervalInSigmas, "decisionIntervalInSigmas");
    }

    /**
     * The shift that {@code deviations} (all since the KPI's latest retarget, oldest first) show at the latest one,
     * if any; {@code open}: the direction of the shift signalled already, which holds until its CUSUM falls to half
     * the decision interval. Empty until there is a deviation after the baseline, or when the baseline has no noise
     * to measure against (σ = 0).
     */
    public Optional<Shift> detect(List<BigDecimal> deviations, Optional<ShiftDirection> open) {
        if (deviations.size() <= baselineReadings) {
            return Optional.empty();
        }
        List<BigDecimal> baseline = deviations.subList(0, baselineReadings);
        List<BigDecimal> run = deviations.subList(Math.max(baselineReadings, deviations.size() - runReadings),
                deviations.size());
        BigDecimal mean = Decimals.mean(baseline);
        BigDecimal sigma = Decimals.divide(Decimals.mean(XmrLimits.movingRanges(baseline)), D2);
        if (sigma.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal allowance = allowanceInSigmas.multiply(sigma, Decimals.MATH);
        BigDecimal decisionInterval = decisionIntervalInSigmas.multiply(sigma, Decimals.MATH);
        BigDecimal holdDownTo = HEAD_START.multiply(decisionInterval, Decimals.MATH);
        BigDecimal worsening = holdDownTo;
        BigDecimal improving = holdDownTo;
        for (BigDecimal deviation : run) {
            BigDecimal aboveMean = deviation.subtract(mean, Decimals.MATH);
            improving = improving.add(aboveMean, Decimals.MATH).subtract(allowance, Decimals.MATH).max(BigDecimal.ZERO);
            worsening = worsening.subtract(aboveMean, Decimals.MATH).subtract(allowance, Decimals.MATH).max(BigDecimal.ZERO);
        }
        Optional<ShiftDirection> found = Optional.empty();
        if (worsening.compareTo(decisionInterval) > 0) {
            found = Optional.of(ShiftDirection.WORSENING);
        } else if (improving.compareTo(decisionInterval) > 0) {
            found = Optional.of(ShiftDirection.IMPROVING);
        } else if (open.isPresent()) {
            BigDecimal openStatistic = open.get() == ShiftDirection.WORSENING ? worsening : improving;
            found = open.filter(direction -> openStatistic.compareTo(holdDownTo) > 0);
        }
        BigDecimal worseningNow = worsening;
        BigDecimal improvingNow = improving;
        XmrLimits xmr = XmrRules.limitsForLatest(deviations.subList(Math.max(0, deviations.size() - 1 - XmrRules.MAX_BASELINE),
                deviations.size())).orElseThrow();
        return found.map(direction -> new Shift(direction, RULE,
                direction == ShiftDirection.WORSENING ? worseningNow : improvingNow, decisionInterval, allowance, mean,
                sigma, run.size(), baselineReadings, xmr));
    }
}

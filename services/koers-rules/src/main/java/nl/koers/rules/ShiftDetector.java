package nl.koers.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * KPI_SHIFT: a self-starting CUSUM (Hawkins 1987; Hawkins and Olwell, Cumulative Sum Charts and Charting for Quality
 * Improvement, ch. 7) in each direction over a KPI's deviations from plan since its latest retarget. From the third
 * deviation on, each is standardised against the mean and standard deviation of the n − 1 before it,
 * {@code (x − mean) / (sd × √(1 + 1 / (n − 1)))}, which is Student's t with n − 2 degrees of freedom when the KPI is
 * in control; that is turned into the normal score with the same tail probability, and a one-sided CUSUM with
 * allowance k runs on the scores. A shift is raised when a CUSUM exceeds h, and an open one holds until its CUSUM falls
 * to h / 2. While a shift is open the deviations do not join the mean and standard deviation, so a shifted level is
 * never learnt as the usual one.
 * Chosen by simulation (ShiftDetectorQualityTest, docs/BENCHMARKS.md): k = 0.5 and h = 4.2.
 *
 * @param allowance        k, in normal scores
 * @param decisionInterval h, in normal scores
 */
public record ShiftDetector(double allowance, double decisionInterval) {

    public static final String RULE = "SELF_STARTING_CUSUM";
    /** An open shift holds down to this share of the decision interval. */
    public static final double HOLD_DOWN_TO = 0.5;
    /** The first deviation scored: two before it give a mean and a standard deviation. */
    public static final int FIRST_SCORED = 3;

    public static final ShiftDetector STANDARD = new ShiftDetector(0.5, 4.2);

    public ShiftDetector {
        if (!(allowance >= 0) || !(decisionInterval > 0)) {
            throw new IllegalArgumentException("allowance must be at least 0 and the decision interval above 0");
        }
    }

    /**
     * The shift that {@code deviations} (all since the KPI's latest retarget, oldest first) show at the latest one, if
     * any. Empty while fewer than three deviations, or while those before are all equal (no noise to measure against).
     */
    public Optional<Shift> detect(List<BigDecimal> deviations) {
        Walk walk = walk();
        deviations.forEach(deviation -> walk.add(deviation.doubleValue()));
        return walk.open().map(direction -> new Shift(direction, RULE,
                decimal(direction == ShiftDirection.WORSENING ? walk.worsening : walk.improving),
                decimal(decisionInterval), decimal(allowance), decimal(walk.mean), decimal(walk.standardDeviation()),
                walk.scored, walk.count, XmrRules.limitsForLatest(deviations)));
    }

    private static BigDecimal decimal(double value) {
        return new BigDecimal(value, Decimals.MATH);
    }

    /** A walk from a retarget on, for simulations that add one deviation at a time. */
    Walk walk() {
        return new Walk();
    }

    /** The CUSUMs and the running mean and variance (Welford) after each deviation in turn. */
    final class Walk {
        private int count;
        private double mean;
        private double sumOfSquares;
        private double worsening;
        private double improving;
        private int scored;
        private Optional<ShiftDirection> open = Optional.empty();

        void add(double deviation) {
            if (count >= FIRST_SCORED - 1 && sumOfSquares > 0) {
                double t = (deviation - mean) / (standardDeviation() * StrictMath.sqrt(1 + 1.0 / count));
                double score = NormalScores.ofStudentT(t, count - 1);
                improving = Math.max(0, improving + score - allowance);
                worsening = Math.max(0, worsening - score - allowance);
                scored++;
                open = judge();
            }
            if (open.isEmpty()) {
                count++;
                double fromMean = deviation - mean;
                mean += fromMean / count;
                sumOfSquares += fromMean * (deviation - mean);
            }
        }

        Optional<ShiftDirection> open() {
            return open;
        }

        private Optional<ShiftDirection> judge() {
            if (worsening > decisionInterval) {
                return Optional.of(ShiftDirection.WORSENING);
            }
            if (improving > decisionInterval) {
                return Optional.of(ShiftDirection.IMPROVING);
            }
            double holdDownTo = HOLD_DOWN_TO * decisionInterval;
            return open.filter(direction -> (direction == ShiftDirection.WORSENING ? worsening : improving) > holdDownTo);
        }

        double standardDeviation() {
            return count < 2 ? 0 : StrictMath.sqrt(sumOfSquares / (count - 1));
        }
    }
}

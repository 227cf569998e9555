package nl.koers.rules;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * KPI_SHIFT: a self-starting CUSUM (Hawkins 1987; Hawkins and Olwell, Cumulative Sum Charts and Charting for Quality
 * Improvement, ch. 7) in each direction over a KPI's deviations from plan since its latest retarget. Each deviation is
 * standardised against the mean and standard deviation of the usual level, the n earlier deviations that joined it:
 * {@code (x − mean) / (sd × √(1 + 1 / n))}, Student's t with n − 1 degrees of freedom while the KPI is in control;
 * that becomes the normal score with the same tail probability, and a one-sided CUSUM with allowance k runs on the
 * scores. A shift is raised when a CUSUM exceeds h, and an open one holds until its CUSUM falls to h / 2.
 * A deviation joins the usual level only once {@code joinAfter} more have followed it without a shift being open
 * meanwhile: Hawkins' chart lets each deviation join at once, so the first readings of a shift drag the mean along
 * before the CUSUM is over h, and a shift that the CUSUM does not catch within a few readings becomes the usual level
 * (from the 10th reading, 19 % of 1.5 σ worsenings went unflagged for 60 readings). Readings that follow a detected
 * shift never teach the level, nor do the ones just before it, which may be the shift's beginning. The cost: scoring
 * starts at the 8th deviation since the retarget, once two have joined.
 * Chosen by simulation (ShiftDetectorQualityTest, docs/BENCHMARKS.md): k = 0.5, joining after 5, h = 4.9.
 * <p>
 * Cost: {@link #detect} walks every deviation since the retarget (about 1 µs each), so a KPI with thousands of
 * readings keeps a {@link Walk} instead and gives it only the new deviations: the same shift exactly, since
 * {@code detect} is nothing but a new walk given each deviation in turn, at a few µs a reading whatever the history
 * (the walk holds no more than joinAfter + 1 waiting deviations and the latest {@value XmrRules#MAX_BASELINE} + 1
 * for the XmR limits). A change to a past deviation (a correction, a retraction, a late reading, a retarget) needs a
 * new walk.
 *
 * @param allowance        k, in normal scores
 * @param decisionInterval h, in normal scores
 * @param joinAfter        how many deviations must follow one, with no shift open, before it joins the usual level
 */
public record ShiftDetector(double allowance, double decisionInterval, int joinAfter) {

    public static final String RULE = "SELF_STARTING_CUSUM";
    /** An open shift holds down to this share of the decision interval. */
    public static final double HOLD_DOWN_TO = 0.5;
    /** A mean and a standard deviation need two deviations in the usual level. */
    private static final int LEAST_TO_SCORE_AGAINST = 2;

    public static final ShiftDetector STANDARD = new ShiftDetector(0.5, 4.9, 5);

    public ShiftDetector {
        if (!(allowance >= 0) || !(decisionInterval > 0) || joinAfter < 0) {
            throw new IllegalArgumentException(
                    "allowance and joinAfter must be at least 0, the decision interval above 0");
        }
    }

    /**
     * The shift that {@code deviations} (all since the KPI's latest retarget, oldest first) show at the latest one, if
     * any. Empty until two deviations have joined the usual level, and while those in it are all equal (no noise to
     * measure against).
     */
    public Optional<Shift> detect(List<BigDecimal> deviations) {
        Walk walk = walk();
        deviations.forEach(walk::add);
        return walk.shift();
    }

    private static BigDecimal decimal(double value) {
        return new BigDecimal(value, Decimals.MATH);
    }

    /**
     * A walk from a retarget on, one deviation at a time: {@link #detect} is a new walk given every deviation in turn,
     * so a caller that keeps the walk and adds only the deviations new since gets the same shift as {@code detect}
     * over all of them, at a cost per deviation that does not grow with the history (the KPI aggregate keeps one
     * between readings; the simulations add doubles).
     */
    public Walk walk() {
        return new Walk();
    }

    /**
     * The CUSUMs and the usual level's running mean and variance (Welford) after each deviation in turn, and the
     * latest {@value XmrRules#MAX_BASELINE} + 1 deviations for the XmR limits of the latest one. With joinAfter ≥ 4
     * nothing is scored before the 7th deviation, from which XmR limits exist. Everything it holds is bounded: the
     * deviations still waiting to join the usual level (joinAfter + 1) and the XmR window.
     */
    public final class Walk {
        private final Deque<BigDecimal> recent = new ArrayDeque<>();
        private BigDecimal h;
        private BigDecimal k;
        /** The usual level's mean and standard deviation as decimals, made when it had {@code levelOf} deviations. */
        private BigDecimal level;
        private BigDecimal levelSigma;
        private int levelOf = -1;
        private int count;
        private double mean;
        private double sumOfSquares;
        private double worsening;
        private double improving;
        private int scored;
        private Optional<ShiftDirection> open = Optional.empty();
        private final Deque<Waiting> waiting = new ArrayDeque<>();

        /** Adds the next deviation since the retarget. */
        public void add(BigDecimal deviation) {
            recent.addLast(deviation);
            if (recent.size() > XmrRules.MAX_BASELINE + 1) {
                recent.removeFirst();
            }
            add(deviation.doubleValue());
        }

        /**
         * The shift the deviations added so far show at the latest one, as {@link #detect} over all of them. The
         * decimals of h, k and the usual level are made once each (the level stays put while a shift is open): a
         * {@code BigDecimal} of a double costs microseconds, more than the rest of a reading.
         */
        public Optional<Shift> shift() {
            if (open.isEmpty()) {
                return Optional.empty();
            }
            if (h == null) {
                h = decimal(decisionInterval);
                k = decimal(allowance);
            }
            if (levelOf != count) {
                level = decimal(mean);
                levelSigma = decimal(standardDeviation());
                levelOf = count;
            }
            ShiftDirection direction = open.get();
            return Optional.of(new Shift(direction, RULE,
                    decimal(direction == ShiftDirection.WORSENING ? worsening : improving), h, k, level, levelSigma,
                    scored, count, XmrRules.limitsForLatest(List.copyOf(recent)).orElseThrow()));
        }

        /** For simulations: the CUSUMs only, without the XmR window {@link #shift} needs. */
        void add(double deviation) {
            if (count >= LEAST_TO_SCORE_AGAINST && sumOfSquares > 0) {
                double t = (deviation - mean) / (standardDeviation() * StrictMath.sqrt(1 + 1.0 / count));
                double score = NormalScores.ofStudentT(t, count - 1);
                improving = Math.max(0, improving + score - allowance);
                worsening = Math.max(0, worsening - score - allowance);
                scored++;
                open = judge();
            }
            waiting.addLast(new Waiting(deviation));
            if (open.isPresent()) {
                waiting.forEach(Waiting::sawAShift);
            }
            if (waiting.size() > joinAfter) {
                Waiting next = waiting.removeFirst();
                if (!next.sawAShift) {
                    join(next.deviation);
                }
            }
        }

        private void join(double deviation) {
            count++;
            double fromMean = deviation - mean;
            mean += fromMean / count;
            sumOfSquares += fromMean * (deviation - mean);
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
            return open.filter(
                    direction -> (direction == ShiftDirection.WORSENING ? worsening : improving) > holdDownTo);
        }

        double standardDeviation() {
            return count < 2 ? 0 : StrictMath.sqrt(sumOfSquares / (count - 1));
        }
    }

    /** A deviation not yet in the usual level, and whether a shift was open since it arrived. */
    private static final class Waiting {
        private final double deviation;
        private boolean sawAShift;

        Waiting(double deviation) {
            this.deviation = deviation;
        }

        void sawAShift() {
            sawAShift = true;
        }
    }
}

package nl.koers.rules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import nl.koers.rules.Shift;
import nl.koers.rules.ShiftDetector;

/**
 * KPI_SHIFT's cost per reading at a given history since the retarget (not a test; no JMH: a timing loop in this
 * thread's CPU time after ten warm-up rounds, the median of nine): {@link ShiftDetector#detect} over every deviation,
 * as the KPI asked before it kept the walk, against the kept walk given one more deviation and asked for the shift.
 * Each history is measured in control and with a 1.5 σ worsening from the history's end on (an open shift, so
 * {@link Shift} and its XmR limits are built on every reading). Run:
 * {@code java -cp <test classpath> nl.koers.rules.bench.ShiftDetectorCost [histories...]}.
 */
public final class ShiftDetectorCost {

    private static final int ROUNDS = 9;
    private static final int ADDED = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static Object sink;

    private ShiftDetectorCost() {
    }

    public static void main(String[] args) {
        int[] histories = args.length == 0 ? new int[] {100, 2_000, 10_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        // warm-up: both ways over every history, ten times (once left the first shifted figure several times
        // the others)
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            for (int history : histories) {
                fromScratch(deviations(history, 0, 1), Math.max(3, 20_000 / history));
                kept(deviations(history + ADDED, history, 1.5), history);
            }
        }
        System.out.printf("%-8s %-10s %22s %22s%n", "history", "series", "from scratch, µs", "kept walk, µs");
        for (int history : histories) {
            for (double shift : new double[] {0, 1.5}) {
                List<BigDecimal> series = deviations(history + ADDED, history, shift);
                double[] before = new double[ROUNDS];
                double[] after = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    before[round] = fromScratch(series.subList(0, history + 1), Math.max(3, 20_000 / history));
                    after[round] = kept(series, history);
                }
                System.out.printf("%-8d %-10s %22.2f %22.2f%n", history, shift == 0 ? "in control" : "shifted",
                        median(before), median(after));
            }
        }
    }

    /** µs per call of detect over all {@code deviations}: one reading's cost at that history, before. */
    private static double fromScratch(List<BigDecimal> deviations, int times) {
        long start = cpu();
        for (int i = 0; i < times; i++) {
            sink = ShiftDetector.STANDARD.detect(deviations);
        }
        return (cpu() - start) / 1_000.0 / times;
    }

    /** µs per reading of the walk kept over the first {@code history} deviations, given each later one in turn. */
    private static double kept(List<BigDecimal> series, int history) {
        ShiftDetector.Walk walk = ShiftDetector.STANDARD.walk();
        series.subList(0, history).forEach(walk::add);
        long start = cpu();
        Optional<Shift> shift = Optional.empty();
        for (BigDecimal deviation : series.subList(history, series.size())) {
            walk.add(deviation);
            shift = walk.shift();
        }
        long took = cpu() - start;
        sink = shift;
        return took / 1_000.0 / (series.size() - history);
    }

    /** Normal deviations (σ 10 / 3, as in RulesBenchmark), worse by {@code shift} σ from {@code from} on. */
    private static List<BigDecimal> deviations(int n, int from, double shift) {
        Random noise = new Random(42);
        double sigma = 10.0 / 3;
        List<BigDecimal> deviations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double value = noise.nextGaussian() * sigma - (i >= from ? shift * sigma : 0);
            deviations.add(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN));
        }
        return deviations;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** This thread's CPU time, ns: the machine is shared, and wall time would count the other processes' turns. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}

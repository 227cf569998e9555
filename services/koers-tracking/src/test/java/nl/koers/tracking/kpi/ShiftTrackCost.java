package nl.koers.tracking.kpi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.Lever;
import nl.koers.api.kpi.ReadingRecorded;

/**
 * KPI_SHIFT's cost per reading in the KPI aggregate (not a test; a timing loop in this thread's CPU time, no JMH; the
 * last of three rounds is the warm one): a weekly
 * reading recorded and the shift found through the walk the KPI keeps, against a new walk over every reading since
 * the retarget (the deviations worked out again each time; before the walk was kept, the KPI reused those of
 * readings it had seen, so this is an upper bound of the old cost), and the reading recorded alone (the event applied
 * to the aggregate, no rules). {@code kpi.shift()} also builds the plan line, as every reassessment does. Run:
 * {@code java -cp <test classpath> nl.koers.tracking.kpi.ShiftTrackCost [histories...]}.
 */
public final class ShiftTrackCost {

    private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    private static final int ADDED = 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static Object sink;

    private ShiftTrackCost() {
    }

    public static void main(String[] args) {
        int[] histories = args.length == 0 ? new int[] {100, 2_000, 10_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int round = 0; round < 3; round++) {
            System.out.printf("%-8s %16s %22s %22s%n", "history", "new walk, µs", "recorded alone, µs",
                    "recorded + kept, µs");
            for (int history : histories) {
                Kpi kpi = kpi(history);
                long start = cpu();
                int times = Math.max(3, 20_000 / history);
                for (int i = 0; i < times; i++) {
                    sink = kpi.shiftFromScratch();
                }
                double before = (cpu() - start) / 1_000.0 / times;
                kpi.shift();
                start = cpu();
                for (int i = history; i < history + ADDED; i++) {
                    record(kpi, i);
                    sink = kpi.shift();
                }
                double after = (cpu() - start) / 1_000.0 / ADDED;
                Kpi alone = kpi(history);
                start = cpu();
                for (int i = history; i < history + ADDED; i++) {
                    record(alone, i);
                }
                double recorded = (cpu() - start) / 1_000.0 / ADDED;
                System.out.printf("%-8d %16.2f %22.2f %22.2f%n", history, before, recorded, after);
            }
        }
    }

    private static Kpi kpi(int readings) {
        Kpi kpi = new Kpi();
        kpi.on(new KpiDefined("p", "k", "KPI", "%", Direction.HIGHER_IS_BETTER, new BigDecimal("100"),
                LocalDate.of(2025, 1, 1), new BigDecimal("200"), LocalDate.of(2027, 6, 28), BigDecimal.TEN, "P1W",
                null, Lever.PROCESS), START);
        for (int i = 0; i < readings; i++) {
            record(kpi, i);
        }
        return kpi;
    }

    private static final Random NOISE = new Random(42);

    private static void record(Kpi kpi, int week) {
        Instant at = START.plus(Duration.ofDays(7L * week));
        BigDecimal value = BigDecimal.valueOf(150 + NOISE.nextGaussian() * 10 / 3).setScale(2, RoundingMode.HALF_EVEN);
        kpi.on(new ReadingRecorded("p", "k", "w" + week, value, at, "s", null), at);
    }

    /** This thread's CPU time, ns: the machine is shared, and wall time would count the other processes' turns. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}

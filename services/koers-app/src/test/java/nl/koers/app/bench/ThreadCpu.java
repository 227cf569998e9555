package nl.koers.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The CPU time of this JVM's threads, grouped by name with the numbers taken out ("http-nio-#-exec-#"), so a phase's
 * CPU can be split into the service's parts (request threads, command writers, processors, Kafka) and the load
 * driver's own threads, which share the JVM. Threads that end during a phase take their time with them: the
 * service's pools keep theirs.
 */
final class ThreadCpu {

    private static final Pattern NUMBERS = Pattern.compile("\\d+");
    /**
     * The benchmark's own threads: its client pools, the JDK HTTP client's, and its Kafka producer's (client id
     * {@value #DRIVER_CLIENT_ID}; the service's publisher has a producer thread too).
     */
    static final Predicate<String> DRIVER = group -> group.startsWith("pool-") || group.startsWith("HttpClient-")
            || group.startsWith("stored-readings") || group.startsWith("main") || group.endsWith(ThreadCpu.DRIVER_CLIENT_ID);
    static final String DRIVER_CLIENT_ID = "bench-driver";

    private final Map<Long, Long> nanosByThread = new HashMap<>();
    private final Map<Long, String> groupByThread = new HashMap<>();

    private ThreadCpu() {
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadCpu snapshot = new ThreadCpu();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    snapshot.nanosByThread.put(info.getThreadId(), nanos);
                    snapshot.groupByThread.put(info.getThreadId(), NUMBERS.matcher(info.getThreadName()).replaceAll("#"));
                }
            }
        }
        return snapshot;
    }

    /**
     * Microseconds of CPU per unit of work since {@code before}, per thread group, largest first, with the service's
     * total ({@code service}) and the driver's ({@code driver}).
     */
    Map<String, Object> microsPerUnitSince(ThreadCpu before, long units) {
        Map<String, Long> byGroup = new HashMap<>();
        nanosByThread.forEach((thread, nanos) -> byGroup.merge(groupByThread.get(thread),
                nanos - before.nanosByThread.getOrDefault(thread, 0L), Long::sum));
        long service = byGroup.entrySet().stream().filter(e -> !DRIVER.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        long driver = byGroup.entrySet().stream().filter(e -> DRIVER.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("service", Benchmarks.round(service / 1e3 / units));
        figures.put("driver", Benchmarks.round(driver / 1e3 / units));
        byGroup.entrySet().stream()
                .filter(e -> e.getValue() / 1e3 / units >= 1)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> figures.put(e.getKey(), Benchmarks.round(e.getValue() / 1e3 / units)));
        return figures;
    }
}

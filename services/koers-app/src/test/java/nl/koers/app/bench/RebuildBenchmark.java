package nl.koers.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.koers.app.RunningService;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rebuild alone, beside its baseline (issue #8): seeds the store as the service benchmark does, then
 * {@code bench.rounds} times measures the raw JDBC read-and-upsert baseline and a rebuild, one after the other, so
 * that each ratio compares figures taken under the same load, and the heap's peak so far after each round.
 * <p>
 * Run: {@code ./mvnw -q -o test-compile exec:java -pl services/koers-app -Dbench.main=nl.koers.app.bench.RebuildBenchmark
 * -Dbench.events=100000 -Dbench.rounds=3}, or in a JVM of its own with a capped heap ({@code java -Xmx512m -cp ...
 * nl.koers.app.bench.RebuildBenchmark}) for the heap's peak. Writes {@code target/benchmarks/rebuild.json}.
 */
public final class RebuildBenchmark {

    private final long events = Long.getLong("bench.events", 100_000);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int seconds = Integer.getInteger("bench.seconds", 30);

    public static void main(String[] args) {
        Benchmarks.runAndExit(new RebuildBenchmark()::run);
    }

    private void run() throws Exception {
        Database database = Database.fromProperties();
        JdbcBaselines jdbc = new JdbcBaselines(database, seconds);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        try (HeapPeak heap = new HeapPeak(); RunningService app = RunningService.start(database.serviceArguments())) {
            long appended = new StoreSeeder(app.bean(EventStorageEngine.class), app.bean(TransactionManager.class)).seed(events);
            results.put("events", appended);
            jdbc.createTables();
            String expected = null;
            List<Map<String, Object>> measured = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("loadBefore", Benchmarks.loadAverage());
                long[] cpu = cpuNanos(app);
                Map<String, Object> baseline = jdbc.readAndUpsert();
                figures.put("baselineCpuMicrosPerEvent", cpuPerEvent(cpu, cpuNanos(app), baseline));
                cpu = cpuNanos(app);
                Map<String, Object> rebuild = ServiceBenchmark.rebuild(app);
                figures.put("rebuildCpuMicrosPerEvent", cpuPerEvent(cpu, cpuNanos(app), rebuild));
                figures.put("baseline", baseline.get("eventsPerSecond"));
                figures.put("rebuild", rebuild.get("eventsPerSecond"));
                figures.put("rebuildSeconds", rebuild.get("seconds"));
                figures.put("ratio", Math.round(100 * (double) rebuild.get("eventsPerSecond")
                        / (double) baseline.get("eventsPerSecond")) / 100.0);
                figures.put("loadAfter", Benchmarks.loadAverage());
                figures.put("heapSoFar", heap.mebibytes());
                measured.add(figures);
                System.out.println("round " + round + ": " + figures);
                String rebuilt = readModel(app);
                if (round == 0) {
                    expected = rebuilt;
                } else if (!expected.equals(rebuilt)) {
                    throw new IllegalStateException("Round " + round + " rebuilt a different read model: " + rebuilt
                            + " instead of " + expected);
                }
            }
            results.put("rounds", measured);
            jdbc.dropTables();
        }
        Benchmarks.report("rebuild", results);
    }

    /** Row counts of the read model once they stay put, to see that every rebuild projects the same. */
    private static String readModel(RunningService app) throws InterruptedException {
        String counts = counts(app);
        for (String previous = null; !counts.equals(previous); counts = counts(app)) {
            previous = counts;
            Thread.sleep(1_000);
        }
        return counts;
    }

    private static String counts(RunningService app) {
        return app.bean(JdbcClient.class).sql("""
                        select (select count(*) from nav_reading) || '/' || (select count(*) from nav_reading_version)
                               || '/' || (select count(*) from nav_history) || '/' || (select count(*) from nav_kpi)""")
                .query(String.class).single();
    }

    /** CPU time of this JVM and of the PostgreSQL server's processes (its postmaster and all its children, live or gone). */
    private static String cpuPerEvent(long[] before, long[] after, Map<String, Object> measured) {
        double events = ((Number) measured.get("events")).doubleValue();
        return "jvm " + Benchmarks.round((after[0] - before[0]) / 1e3 / events) + " + postgres "
                + Benchmarks.round((after[1] - before[1]) / 1e3 / events);
    }

    private static long[] cpuNanos(RunningService app) throws java.io.IOException {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new long[] {jvm, Benchmarks.postgresCpuNanos(app)};
    }
}

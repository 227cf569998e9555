package nl.koers.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** What the benchmarks share: running as a program, and reporting to the console and target/benchmarks. */
final class Benchmarks {

    /** One benchmark run. */
    interface Benchmark {
        void run() throws Exception;
    }

    private Benchmarks() {
    }

    /** Runs the benchmark and exits: status 0 when it completed, 1 when it failed. */
    static void runAndExit(Benchmark benchmark) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** The service on a new database of the embedded PostgreSQL, with no signal sweep during the run, logging warnings. */
    static nl.koers.app.RunningService startOnNewDatabase() {
        return nl.koers.app.RunningService.start("--koers.embedded-database.enabled=false",
                "--spring.datasource.url=" + nl.koers.app.TestDatabase.newDatabase(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--koers.signals.sweep-initial-delay=PT24H", "--logging.level.root=warn");
    }

    /** Prints the results as a table and writes them to {@code target/benchmarks/<name>.json}. */
    static void report(String name, Map<String, Object> results) throws IOException {
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results);
        Path file = Path.of("target", "benchmarks", name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        System.out.println();
        System.out.println("Koers " + name + " benchmark");
        results.forEach((figure, value) -> System.out.printf("  %-30s %s%n", figure, value));
        System.out.println("  written to " + file.toAbsolutePath());
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** p50, p95, p99 and max in milliseconds of latencies measured in nanoseconds. */
    static Map<String, Object> percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", sorted.length);
        if (sorted.length > 0) {
            figures.put("p50Millis", percentile(sorted, 0.50));
            figures.put("p95Millis", percentile(sorted, 0.95));
            figures.put("p99Millis", percentile(sorted, 0.99));
            figures.put("maxMillis", round(sorted[sorted.length - 1] / 1e6));
        }
        return figures;
    }

    /** The nearest-rank percentile {@code q} of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double q) {
        return round(sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)] / 1e6);
    }

    /** The machine's load average over the last minute, as {@code uptime} shows it. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** /proc's clock ticks (USER_HZ) are 1/100 s on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU time of the PostgreSQL server's processes (its postmaster and all its children, live or gone). */
    static long postgresCpuNanos(nl.koers.app.RunningService app) throws IOException {
        return postgresCpuNanos(app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select pg_backend_pid()").query(Integer.class).single());
    }

    /** CPU time of the PostgreSQL server's processes, found from the process id of one of its backends. */
    static long postgresCpuNanos(int backend) throws IOException {
        String postmaster = stat(backend)[3];
        long ticks = ownAndChildrenTicks(Integer.parseInt(postmaster));
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    try {
                        String[] fields = stat(Integer.parseInt(name));
                        if (fields[3].equals(postmaster)) {
                            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                        }
                    } catch (IOException gone) {
                        // ended meanwhile: its time is in the postmaster's children's time
                    }
                }
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** CPU time of a process and of its children that ended, as /proc counts it (utime, stime, cutime, cstime). */
    static long processCpuNanos(long pid) throws IOException {
        return ownAndChildrenTicks(pid) * NANOS_PER_TICK;
    }

    private static long ownAndChildrenTicks(long pid) throws IOException {
        String[] own = stat(pid);
        return Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
    }

    /** /proc/pid/stat split into fields, the command name (which may hold spaces) taken out: [3] is the parent. */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return ("x x " + line.substring(line.lastIndexOf(')') + 2)).split(" ");
    }
}

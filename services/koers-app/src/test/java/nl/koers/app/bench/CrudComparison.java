package nl.koers.app.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import nl.koers.app.KoersApplication;
import nl.koers.app.TestCredentials;
import nl.koers.app.bench.ReadingPoster.Posting;

/**
 * Koers's HTTP ingest against a lean CRUD service ({@code bench.lean.LeanService}) in one run (issue #24; not a
 * test): both as JVM processes of their own ({@code -Xmx512m}) on two databases of one private PostgreSQL, loaded
 * alternately, lean first, by {@value #CLIENTS} client threads on kept-alive connections posting on-plan readings to
 * {@value #KPIS} KPIs one after the other. Each window's CPU is read from /proc: the service's process from the
 * window's start until {@value #CATCH_UP_SECONDS} s after its end (so the work Koers does after answering counts), and
 * PostgreSQL's processes over the same span.
 * <p>
 * With {@code -Dbench.before=<a checkout of another commit, built with test-compile>} a third service, that Koers,
 * runs on a database of its own and is measured in each round between the two (Koers before and after a change, in
 * one run); {@code -Dbench.offPlanEvery=n} makes every n-th reading of a KPI three tolerances below plan, so signals
 * are raised, re-graded and cleared as readings come (none by default).
 * <p>
 * Run: see docs/BENCHMARKS.md, "Against a lean CRUD service" ({@code -Dbench.seconds=20 -Dbench.rounds=2
 * -Dbench.warmUpSeconds=20}). Prints a table and writes {@code target/benchmarks/crud-comparison.json}; the services'
 * output goes to {@code target/benchmarks/lean.log}, {@code koers.log} (and {@code before.log}).
 */
public final class CrudComparison {

    private static final String PROGRAMME = "bench-0";
    private static final int KPIS = 8;
    private static final int CLIENTS = 8;
    private static final int CATCH_UP_SECONDS = 10;
    private static final int IDLE_SECONDS = 10;
    private static final String LEAN_DATABASE = "koers_bench_lean";
    private static final String BEFORE_DATABASE = "koers_bench_before";
    private static final int OFF_PLAN_EVERY = Integer.getInteger("bench.offPlanEvery", 0);
    /** Three tolerances (10) below plan: RED, a CRITICAL KPI_OFF_PLAN. */
    private static final BigDecimal OFF_PLAN_BY = BigDecimal.valueOf(30);
    private static final Instant FIRST_READING = LocalDate.of(2024, 11, 4).atStartOfDay(ZoneOffset.UTC).toInstant();

    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int rounds = Integer.getInteger("bench.rounds", 2);
    private final int warmUpSeconds = Integer.getInteger("bench.warmUpSeconds", 20);
    private final String beforeClasspath = beforeClasspath(System.getProperty("bench.before", ""));
    private final Map<String, Object> results = new LinkedHashMap<>();

    private int postgresBackend;
    private Connection postgres;

    public static void main(String[] args) {
        Benchmarks.runAndExit(new CrudComparison()::run);
    }

    /** A service under test and the readings it is sent. */
    private record Target(String name, ServiceProcess process, String database, ReadingPoster poster) {

        Target(String name, ServiceProcess process, String database) {
            this(name, process, database, new ReadingPoster(process::base, readings()));
        }
    }

    private void run() throws Exception {
        Database koersDatabase = Database.fromProperties();
        Database leanDatabase = koersDatabase.sibling(LEAN_DATABASE);
        results.put("settings", Map.of("seconds", seconds, "rounds", rounds, "warmUpSeconds", warmUpSeconds,
                "catchUpSeconds", CATCH_UP_SECONDS, "clients", CLIENTS, "kpis", KPIS, "serviceHeap", "512m",
                "offPlanEvery", OFF_PLAN_EVERY, "before", !beforeClasspath.isBlank()));
        results.put("machine", machine(koersDatabase));
        try (ServiceProcess leanProcess = ServiceProcess.start("lean", "512m", "bench.lean.LeanService", List.of(
                     "--spring.datasource.url=" + leanDatabase.url(), "--spring.datasource.username=" + leanDatabase.user(),
                     "--spring.datasource.password=" + leanDatabase.password(), "--lean.token=" + TestCredentials.ADMIN_TOKEN,
                     "--logging.level.root=warn"));
             ServiceProcess koersProcess = ServiceProcess.start("koers", "512m", KoersApplication.class.getName(),
                     List.of(koersDatabase.serviceArguments()));
             ServiceProcess beforeProcess = beforeClasspath.isBlank() ? null : ServiceProcess.start("before", "512m",
                     beforeClasspath, KoersApplication.class.getName(),
                     List.of(koersDatabase.sibling(BEFORE_DATABASE).serviceArguments()));
             Connection connection = koersDatabase.connect()) {
            postgres = connection;
            postgresBackend = ((Number) query("select pg_backend_pid()")).intValue();
            Target lean = new Target("lean", leanProcess.awaitListening(), LEAN_DATABASE);
            Target koers = new Target("koers", koersProcess.awaitListening(), (String) query("select current_database()"));
            List<Target> targets = new ArrayList<>(List.of(lean, koers));
            if (beforeProcess != null) {
                targets.add(1, new Target("before", beforeProcess.awaitListening(), BEFORE_DATABASE));
            }
            phase("started");
            for (Target target : targets.subList(1, targets.size())) {
                defineProgramme(target.process().base());
            }
            for (Target target : targets) {
                target.poster().closedLoop(CLIENTS, warmUpSeconds);
            }
            Thread.sleep(Duration.ofSeconds(CATCH_UP_SECONDS).toMillis());
            phase("warmedUp");
            results.put("idle", idle(lean, koers));
            List<Map<String, Object>> measured = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("round", round);
                Map<String, Map<String, Object>> windows = new LinkedHashMap<>();
                for (Target target : inTurn(targets, round)) {
                    windows.put(target.name(), window(target));
                }
                figures.putAll(windows);
                figures.put("koersOverLean", ratios(windows.get("koers"), windows.get("lean")));
                if (windows.containsKey("before")) {
                    figures.put("koersOverBefore", ratios(windows.get("koers"), windows.get("before")));
                }
                measured.add(figures);
            }
            results.put("rounds", measured);
            phase("measured");
        }
        Benchmarks.report("crud-comparison", results);
        printTable();
    }

    /**
     * The targets in the order of a round: the lean service first, then the two Koers in turn (before first in odd
     * rounds), so that neither always follows the other.
     */
    private static List<Target> inTurn(List<Target> targets, int round) {
        List<Target> order = new ArrayList<>(targets);
        if (order.size() == 3 && round % 2 == 0) {
            Collections.swap(order, 1, 2);
        }
        return order;
    }

    /** This JVM's classpath with this checkout's modules replaced by those of {@code checkout}; empty without one. */
    private static String beforeClasspath(String checkout) {
        if (checkout.isBlank()) {
            return "";
        }
        String services = Path.of("").toAbsolutePath().getParent().toString() + "/";
        return System.getProperty("java.class.path").replace(services, Path.of(checkout, "services") + "/");
    }

    private static Map<String, Object> ratios(Map<String, Object> koers, Map<String, Object> base) {
        return Map.of("readingsPerSecond", ratio(koers, base, "readingsPerSecond"),
                "jvmCpuPerReading", ratio(koers, base, "jvmCpuMicrosPerReading"),
                "postgresCpuPerReading", ratio(koers, base, "postgresCpuMicrosPerReading"));
    }

    /**
     * The n-th reading: round the KPIs, a minute later each round, exactly on the plan line (as the service benchmark's),
     * but every {@code bench.offPlanEvery}-th of a KPI, three tolerances below it.
     */
    private static Supplier<Posting> readings() {
        AtomicLong next = new AtomicLong();
        return () -> {
            long n = next.getAndIncrement();
            int kpi = (int) (n % KPIS);
            Instant at = FIRST_READING.plus(Duration.ofMinutes(n / KPIS));
            boolean offPlan = OFF_PLAN_EVERY > 0 && (n / KPIS) % OFF_PLAN_EVERY == OFF_PLAN_EVERY - 1;
            BigDecimal value = KafkaBenchmark.planValue(at).subtract(offPlan ? OFF_PLAN_BY : BigDecimal.ZERO);
            String reading = KafkaBenchmark.reading(PROGRAMME, kpi, at, "r" + n, value);
            return new Posting(PROGRAMME, kpi, "r" + n, reading);
        };
    }

    /** The programme and its KPIs, through Koers's API (the lean service takes readings of any KPI). */
    private static void defineProgramme(String base) throws Exception {
        try (KeepAliveClient client = new KeepAliveClient(base)) {
            expectCreated(client.post("/api/v1/programmes", """
                    {"id": "%s", "name": "Benchmark", "owner": "bench", "startDate": "2024-11-01", "plannedEndDate": "2027-12-31"}"""
                    .formatted(PROGRAMME)));
            for (int k = 0; k < KPIS; k++) {
                expectCreated(client.post("/api/v1/programmes/" + PROGRAMME + "/kpis", """
                        {"id": "kpi-%d", "name": "KPI %d", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 100,
                         "baselineDate": "2024-11-04", "target": 200, "targetDate": "2027-06-28", "tolerance": 10,
                         "cadence": "P1W"}""".formatted(k, k)));
            }
        }
    }

    private static void expectCreated(KeepAliveClient.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("Koers answered " + answer.status() + ": " + answer.body());
        }
    }

    /** One measured window: the closed loop, then the catch-up, with the CPU both took. */
    private Map<String, Object> window(Target target) throws Exception {
        long serviceBefore = Benchmarks.processCpuNanos(target.process().pid());
        long postgresBefore = Benchmarks.postgresCpuNanos(postgresBackend);
        long driverBefore = Benchmarks.processCpuNanos(ProcessHandle.current().pid());
        long commitsBefore = commits(target.database());
        Map<String, Object> figures = new LinkedHashMap<>(target.poster().closedLoop(CLIENTS, seconds));
        double loadAverage = Benchmarks.loadAverage();
        Thread.sleep(Duration.ofSeconds(CATCH_UP_SECONDS).toMillis());
        long readings = ((Number) figures.get("readings")).longValue();
        figures.put("jvmCpuMicrosPerReading", perReading(Benchmarks.processCpuNanos(target.process().pid()) - serviceBefore, readings));
        figures.put("postgresCpuMicrosPerReading", perReading(Benchmarks.postgresCpuNanos(postgresBackend) - postgresBefore, readings));
        figures.put("driverCpuMicrosPerReading", perReading(Benchmarks.processCpuNanos(ProcessHandle.current().pid()) - driverBefore, readings));
        // the statistics reach pg_stat_database within a second: the catch-up covers that
        figures.put("commitsPerReading", Benchmarks.round((commits(target.database()) - commitsBefore) / (double) Math.max(1, readings)));
        figures.put("loadAverageAtEnd", loadAverage);
        System.out.println("crud comparison: " + target.name() + " " + figures);
        return figures;
    }

    /**
     * CPU per second of each process with no load, after the warm-up: what the other service costs in the background of
     * a window (Koers's processors poll their tokens), in PostgreSQL's figure above all.
     */
    private Map<String, Object> idle(Target lean, Target koers) throws Exception {
        long leanBefore = Benchmarks.processCpuNanos(lean.process().pid());
        long koersBefore = Benchmarks.processCpuNanos(koers.process().pid());
        long postgresBefore = Benchmarks.postgresCpuNanos(postgresBackend);
        Thread.sleep(Duration.ofSeconds(IDLE_SECONDS).toMillis());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", IDLE_SECONDS);
        figures.put("leanJvmCpuMillisPerSecond", perSecond(Benchmarks.processCpuNanos(lean.process().pid()) - leanBefore));
        figures.put("koersJvmCpuMillisPerSecond", perSecond(Benchmarks.processCpuNanos(koers.process().pid()) - koersBefore));
        figures.put("postgresCpuMillisPerSecond", perSecond(Benchmarks.postgresCpuNanos(postgresBackend) - postgresBefore));
        return figures;
    }

    private static double perReading(long nanos, long readings) {
        return Benchmarks.round(nanos / 1e3 / Math.max(1, readings));
    }

    private static double perSecond(long nanos) {
        return Benchmarks.round(nanos / 1e6 / IDLE_SECONDS);
    }

    private static double ratio(Map<String, Object> koers, Map<String, Object> lean, String figure) {
        double base = ((Number) lean.get(figure)).doubleValue();
        return base == 0 ? Double.NaN : Math.round(((Number) koers.get(figure)).doubleValue() / base * 100) / 100.0;
    }

    /** Transactions committed in the database so far: one per request for the lean service, fewer under group commit. */
    private long commits(String database) throws Exception {
        try (PreparedStatement statement = postgres.prepareStatement(
                "select xact_commit from pg_stat_database where datname = ?")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Object query(String sql) throws Exception {
        try (Statement statement = postgres.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getObject(1);
        }
    }

    private Map<String, Object> machine(Database database) throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("postgresql", database.setting("server_version"));
        machine.put("fsync", database.setting("fsync"));
        machine.put("synchronousCommit", database.setting("synchronous_commit"));
        machine.put("loadAverageAtStart", Benchmarks.loadAverage());
        return machine;
    }

    /** When a phase ended and the load average then, for readers to judge what else the machine was doing. */
    private void phase(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> phases = (Map<String, Object>) results.computeIfAbsent("phases", key -> new LinkedHashMap<>());
        phases.put(name, Map.of("endedAt", Instant.now().toString(), "loadAverage", Benchmarks.loadAverage()));
    }

    @SuppressWarnings("unchecked")
    private void printTable() {
        System.out.println();
        System.out.println("| round | service | readings/s | p50 / p95 / p99 ms | errors | JVM CPU µs/reading | PostgreSQL CPU µs/reading | commits/reading | load |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Map<String, Object> round : (List<Map<String, Object>>) results.get("rounds")) {
            for (String service : List.of("lean", "before", "koers")) {
                if (!round.containsKey(service)) {
                    continue;
                }
                Map<String, Object> window = (Map<String, Object>) round.get(service);
                Map<String, Object> latency = (Map<String, Object>) window.get("latency");
                System.out.printf("| %s | %s | %s | %s / %s / %s | %s | %s | %s | %s | %s |%n", round.get("round"), service,
                        window.get("readingsPerSecond"), latency.get("p50Millis"), latency.get("p95Millis"),
                        latency.get("p99Millis"), window.get("errors"), window.get("jvmCpuMicrosPerReading"),
                        window.get("postgresCpuMicrosPerReading"), window.get("commitsPerReading"), window.get("loadAverageAtEnd"));
            }
            Map<String, Object> ratios = (Map<String, Object>) round.get("koersOverLean");
            System.out.printf("| %s | Koers / lean | %s | | | %s | %s | | |%n", round.get("round"),
                    ratios.get("readingsPerSecond"), ratios.get("jvmCpuPerReading"), ratios.get("postgresCpuPerReading"));
            if (round.containsKey("koersOverBefore")) {
                Map<String, Object> before = (Map<String, Object>) round.get("koersOverBefore");
                System.out.printf("| %s | Koers / before | %s | | | %s | %s | | |%n", round.get("round"),
                        before.get("readingsPerSecond"), before.get("jvmCpuPerReading"), before.get("postgresCpuPerReading"));
            }
        }
    }
}

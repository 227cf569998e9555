package nl.koers.app.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The navigation benchmark (not a test): loads a portfolio into the real service on a real PostgreSQL and measures
 * how fast the projections catch up and rebuild, and how long an off-plan reading takes to show as a signal.
 * <p>
 * Run: {@code ./mvnw -q test-compile exec:java -Dbench.programmes=1000 -Dbench.kpis=10 -Dbench.readings=100}
 * (defaults: 1,000 × 10 × 100). {@code -Dbench.jdbcUrl=...} uses a given PostgreSQL instead of an embedded one.
 * Prints a table and writes {@code target/benchmarks/navigation.json}.
 */
public final class NavigationBenchmark {

    private static final LocalDate BASELINE_DATE = LocalDate.of(2024, 11, 4);
    private static final LocalDate TARGET_DATE = LocalDate.of(2027, 6, 28);
    private static final BigDecimal BASELINE = BigDecimal.valueOf(100);
    private static final BigDecimal TARGET = BigDecimal.valueOf(200);
    private static final BigDecimal TOLERANCE = BigDecimal.valueOf(10);
    private static final int LATENCY_SAMPLES = 200;

    private final int programmes = Integer.getInteger("bench.programmes", 1000);
    private final int kpisPerProgramme = Integer.getInteger("bench.kpis", 10);
    private final int readingsPerKpi = Integer.getInteger("bench.readings", 100);
    private final int threads = Integer.getInteger("bench.threads", 8);
    private final Map<String, Object> results = new LinkedHashMap<>();

    private RunningService app;

    public static void main(String[] args) {
        Benchmarks.runAndExit(new NavigationBenchmark()::run);
    }

    private void run() throws Exception {
        String jdbcUrl = System.getProperty("bench.jdbcUrl");
        app = RunningService.start("--koers.embedded-database.enabled=false",
                "--spring.datasource.url=" + (jdbcUrl == null ? TestDatabase.newDatabase() : jdbcUrl),
                "--spring.datasource.username=" + System.getProperty("bench.jdbcUser", "postgres"),
                "--spring.datasource.password=" + System.getProperty("bench.jdbcPassword", "postgres"),
                "--koers.signals.sweep-initial-delay=PT24H", "--logging.level.root=warn");
        results.put("portfolio", Map.of("programmes", programmes, "kpisPerProgramme", kpisPerProgramme,
                "readingsPerKpi", readingsPerKpi, "loadThreads", threads));
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));

        load();
        long events = events();
        results.put("eventsInStore", events);
        results.put("rebuild", ServiceBenchmark.rebuild(app));

        results.put("readingToSignal", readingToSignalLatency());
        Benchmarks.report("navigation", results);
        app.close();
    }

    /** Defines the portfolio and records every reading through the command bus, from several threads. */
    private void load() throws Exception {
        CommandGateway commands = app.bean(CommandGateway.class);
        Instant started = Instant.now();
        AtomicLong readings = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int p = 0; p < programmes; p++) {
            String programmeId = "bench-" + p;
            work.add(pool.submit(() -> {
                commands.sendAndWait(new DefineProgramme(programmeId, "Benchmark " + programmeId, null, "bench",
                        LocalDate.of(2024, 11, 1), LocalDate.of(2027, 12, 31), List.of()));
                Random noise = new Random(programmeId.hashCode());
                for (int k = 0; k < kpisPerProgramme; k++) {
                    String kpiId = "kpi-" + k;
                    commands.sendAndWait(new DefineKpi(programmeId, kpiId, "KPI " + k, "n", Direction.HIGHER_IS_BETTER,
                            BASELINE, BASELINE_DATE, TARGET, TARGET_DATE, TOLERANCE, "P1W", null, null));
                    for (int r = 0; r < readingsPerKpi; r++) {
                        Instant measuredAt = BASELINE_DATE.plusWeeks(r).atStartOfDay(ZoneOffset.UTC).toInstant();
                        commands.sendAndWait(new RecordReading(programmeId, kpiId, "w" + r,
                                onPlan(measuredAt, noise), measuredAt, "bench", null));
                        readings.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        results.put("load", Map.of("readings", readings.get(), "seconds", Benchmarks.round(seconds),
                "readingsPerSecond", Benchmarks.round(readings.get() / seconds)));
    }

    /** The plan value with a little normal noise: a KPI that follows its plan (σ = a third of the tolerance). */
    private static BigDecimal onPlan(Instant at, Random noise) {
        double days = ChronoUnit.SECONDS.between(BASELINE_DATE.atStartOfDay(ZoneOffset.UTC).toInstant(), at) / 86400.0;
        double span = ChronoUnit.DAYS.between(BASELINE_DATE, TARGET_DATE);
        double plan = 100 + 100 * days / span;
        return BigDecimal.valueOf(plan + noise.nextGaussian() * 10 / 3.0).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** From the POST of an off-plan reading to the KPI_OFF_PLAN signal on GET /signals. */
    private Map<String, Object> readingToSignalLatency() throws Exception {
        long[] millis = new long[LATENCY_SAMPLES];
        Instant measuredAt = BASELINE_DATE.plusWeeks(readingsPerKpi).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            String programmeId = "bench-" + (i % programmes);
            String kpiId = "kpi-" + (i / programmes % kpisPerProgramme);
            long started = System.nanoTime();
            HttpResponse<String> posted = app.post("/api/v1/programmes/" + programmeId + "/kpis/" + kpiId + "/readings",
                    "{\"value\": 1, \"measuredAt\": \"" + measuredAt + "\", \"readingId\": \"off-plan-" + i + "\"}");
            if (posted.statusCode() != 201) {
                throw new IllegalStateException("Reading refused: " + posted.body());
            }
            String query = "/api/v1/signals?programme=" + programmeId + "&type=KPI_OFF_PLAN&state=OPEN";
            while (!app.get(query).contains("\"" + kpiId + "\"")) {
                if (System.nanoTime() - started > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("No KPI_OFF_PLAN signal for " + programmeId + "/" + kpiId + " after 30 s");
                }
            }
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        return Map.of("samples", LATENCY_SAMPLES, "p50Millis", millis[LATENCY_SAMPLES / 2],
                "p99Millis", millis[(int) Math.ceil(LATENCY_SAMPLES * 0.99) - 1], "maxMillis", millis[LATENCY_SAMPLES - 1]);
    }

    private long events() {
        return jdbc().sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private JdbcClient jdbc() {
        return app.bean(JdbcClient.class);
    }
}

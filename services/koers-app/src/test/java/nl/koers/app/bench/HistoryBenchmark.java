package nl.koers.app.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.app.RunningService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history benchmark (not a test): one programme of 10 KPIs × 1,100 daily readings (10,000+ events, through the
 * command bus with all rules and signal detection) in a history table of 1,000,000 rows (the rest synthetic rows of
 * 1,000 other programmes, inserted by SQL), then the p50 / p95 of GET the programme and a KPI as of the end of the
 * load, and GET /changes over the whole load and over its first tenth, over real HTTP; {@code -Dbench.rounds=3} times
 * them three times over, for a range on a shared machine, each round headed by the machine's load average.
 * <p>
 * Run: {@code ./mvnw -q test-compile exec:java -Dbench.main=nl.koers.app.bench.HistoryBenchmark} in
 * {@code services/koers-app}.
 */
public final class HistoryBenchmark {

    private static final String PID = "bench-target";
    private static final int KPIS = 10;
    private static final int READINGS = Integer.getInteger("bench.readings", 1_100);
    private static final int HISTORY_ROWS = 1_000_000;
    private static final int SAMPLES = 100;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);

    private RunningService app;

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int status = 0;
        try {
            new HistoryBenchmark().run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        app = Benchmarks.startOnNewDatabase();
        Instant loadStarted = Instant.now();
        long loadMillis = load();
        Instant loadEnded = Instant.now();
        JdbcClient jdbc = app.bean(JdbcClient.class);
        long programmeEvents = awaitHistory(jdbc);
        long seedStarted = System.nanoTime();
        int seeded = HISTORY_ROWS - (int) programmeEvents;
        jdbc.sql("""
                        insert into nav_history (global_index, programme_id, recorded_at, type, payload_type, subject_kind,
                                                 subject_id, change_group, actor, correlation_id, data)
                        select 100000000 + g, 'other-' || (g % 1000), timestamptz '2025-01-01T00:00:00Z' + g * interval '1 second',
                               'ReadingRecorded', 'nl.koers.api.kpi.ReadingRecorded', 'KPI', 'k' || (g % 10), 'READINGS',
                               'bench', null,
                               json_build_object('programmeId', 'other-' || (g % 1000), 'kpiId', 'k' || (g % 10),
                                                 'readingId', 'r' || g, 'value', 100, 'measuredAt', '2025-01-01T00:00:00Z',
                                                 'source', null, 'note', null)
                        from generate_series(1, ?) g""")
                .param(seeded)
                .update();
        jdbc.sql("analyze nav_history").update();
        long seedMillis = (System.nanoTime() - seedStarted) / 1_000_000;
        long rows = jdbc.sql("select count(*) from nav_history").query(Long.class).single();

        String asOf = "?asOf=" + encode(loadEnded.plusSeconds(1));
        String programme = "/api/v1/programmes/" + PID;
        Instant tenth = loadStarted.plus(Duration.between(loadStarted, loadEnded).dividedBy(10));
        System.out.printf("%nhistory benchmark: %d events of %s (loaded in %d ms), %d rows in nav_history (%d seeded in %d ms)%n",
                programmeEvents, PID, loadMillis, rows, seeded, seedMillis);
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("%-44s %8s %8s %8s %8s   (round %d of %d, load average %.2f)%n", "request", "p50 ms", "p95 ms",
                    "p99 ms", "max ms", round, ROUNDS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            time("programme as of the end", programme + asOf);
            time("KPI k0 as of the end", programme + "/kpis/k0" + asOf);
            time("programme today (projection tables)", programme);
            time("changes over the whole load", programme + "/changes?from=" + encode(loadStarted) + "&to=" + encode(loadEnded.plusSeconds(1)));
            time("changes over its first tenth", programme + "/changes?from=" + encode(loadStarted) + "&to=" + encode(tenth));
        }
        app.close();
    }

    private long load() throws Exception {
        CommandGateway commands = app.bean(CommandGateway.class);
        LocalDate start = LocalDate.of(2023, 6, 1);
        commands.sendAndWait(new DefineProgramme(PID, "Benchmark", null, null, start, start.plusYears(4), List.of()));
        for (int k = 0; k < KPIS; k++) {
            commands.sendAndWait(new DefineKpi(PID, "k" + k, "KPI " + k, "units", Direction.HIGHER_IS_BETTER,
                    BigDecimal.valueOf(100), start, BigDecimal.valueOf(1100), start.plusDays(READINGS), BigDecimal.TEN,
                    "P1D", null, null));
        }
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> kpis = new ArrayList<>();
        for (int k = 0; k < KPIS; k++) {
            String kpiId = "k" + k;
            kpis.add(threads.submit(() -> {
                java.util.Random noise = new java.util.Random(kpiId.hashCode());
                for (int day = 0; day < READINGS; day++) {
                    BigDecimal value = BigDecimal.valueOf(100 + day + Math.round(noise.nextGaussian() * 300) / 100.0);
                    commands.sendAndWait(new RecordReading(PID, kpiId, "d" + day, value,
                            start.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC), "bench", null));
                }
                return null;
            }));
        }
        for (Future<?> kpi : kpis) {
            kpi.get();
        }
        threads.shutdown();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Waits until the history holds every event of the programme: the event store has no more of them. */
    private static long awaitHistory(JdbcClient jdbc) throws InterruptedException {
        long stored = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        while (jdbc.sql("select coalesce(max(global_index), 0) from nav_history").query(Long.class).single() < stored) {
            Thread.sleep(500);
        }
        long inStore = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? or aggregate_identifier like ?")
                .params(PID, PID + "/%").query(Long.class).single();
        long inHistory = jdbc.sql("select count(*) from nav_history where programme_id = ?").param(PID).query(Long.class).single();
        if (inHistory != inStore) {
            throw new IllegalStateException("The history holds " + inHistory + " of the programme's " + inStore + " events");
        }
        return inHistory;
    }

    private void time(String what, String path) throws Exception {
        String answer = app.get(path);
        if (answer.contains("koers.dev/problems/")) {
            throw new AssertionError(path + " answered " + answer);
        }
        for (int i = 0; i < 5; i++) {
            app.get(path);
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            app.get(path);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-44s %8.1f %8.1f %8.1f %8.1f   (%,d bytes)%n", what, millis[SAMPLES / 2],
                millis[(int) Math.ceil(SAMPLES * 0.95) - 1], millis[(int) Math.ceil(SAMPLES * 0.99) - 1], millis[SAMPLES - 1],
                answer.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}

package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many clients posting readings to one KPI at once (issue 14): a busy KPI is not a database outage. Every request is
 * answered 201 (none waits for a database connection while the KPI is busy: its readings queue for their turn and are
 * committed together), every reading is stored once, and one KPI takes readings about as fast as eight do.
 */
class BusyKpiTest {

    private static final Instant FIRST_MEASURED = Instant.parse("2026-01-02T00:00:00Z");

    private static RunningService service;
    private static JdbcClient store;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.onDatabase(TestDatabase.newDatabase());
        store = service.bean(JdbcClient.class);
        for (String pid : List.of("busy16", "busy64", "spread")) {
            service.defineProgrammeWithKpis(pid, List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"));
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void sixteenAndSixtyFourClientsOnOneKpiAreAllAnswered201AndRecordedOnceAsFastAsOnEightKpis() throws Exception {
        Load spread = post("spread", 16, 1_280, 8);
        Load sixteen = post("busy16", 16, 1_280, 1);
        Load sixtyFour = post("busy64", 64, 1_280, 1);

        for (Load load : List.of(spread, sixteen, sixtyFour)) {
            System.out.println("Busy KPI: " + load);
            assertThat(load.byStatus().keySet()).as(load.programme()).containsOnly(201);
            assertThat(recorded(load.programme())).as(load.programme()).isEqualTo(new long[] {1_280, 1_280});
        }
        assertThat(sixteen.perSecond()).as("one KPI against eight, 16 clients").isGreaterThan(spread.perSecond() / 2);
    }

    /** {@code readings} readings posted by {@code clients} clients, each reading to one of the first {@code kpis} KPIs. */
    private static Load post(String programme, int clients, int readings, int kpis) throws Exception {
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        long[] latencies = new long[readings];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int c = client;
            running.add(pool.submit(() -> {
                for (int i = c; i < readings; i += clients) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = service.post("/api/v1/programmes/" + programme + "/kpis/k" + i % kpis
                            + "/readings", """
                            {"value": %d, "measuredAt": "%s", "readingId": "r%d"}""".formatted(i, FIRST_MEASURED.plusSeconds(60L * i), i));
                    latencies[i] = System.nanoTime() - sent;
                    byStatus.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Load(programme, clients, kpis, readings / seconds, latencies[readings / 2] / 1_000_000,
                latencies[readings * 99 / 100] / 1_000_000, new TreeMap<>(byStatus));
    }

    private record Load(String programme, int clients, int kpis, double perSecond, long p50Millis, long p99Millis,
                        Map<Integer, AtomicLong> byStatus) {
    }

    /** The ReadingRecorded events of the programme, and how many distinct readings they hold. */
    private static long[] recorded(String programme) {
        return store.sql("""
                        select count(*), count(distinct convert_from(payload, 'UTF8')::jsonb ->> 'readingId')
                        from domain_event_entry
                        where aggregate_identifier like ? and payload_type = 'nl.koers.api.kpi.ReadingRecorded'""")
                .param(programme + "/%").query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
    }
}

package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many clients posting readings to the same few KPIs, each client through both instances on one database in turn, so
 * that commands really race for the same aggregate: every reading is recorded exactly once and no client sees a 5xx or a conflict it did
 * not cause (the losing command is retried).
 */
class ConcurrentClientsTest {

    private static final int CLIENTS = 16;
    private static final int READINGS = 10_000;
    private static final List<String> KPIS = List.of("k0", "k1", "k2", "k3");
    private static final Instant FIRST_MEASURED = Instant.parse("2026-01-02T00:00:00Z");

    private static RunningService a;
    private static RunningService b;
    private static JdbcClient store;

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        String database = TestDatabase.newDatabase();
        a = RunningService.onDatabase(database, "--koers.node-id=a");
        b = RunningService.onDatabase(database, "--koers.node-id=b");
        store = a.bean(JdbcClient.class);
        for (String pid : List.of("load", "twice")) {
            a.defineProgrammeWithKpis(pid, KPIS);
        }
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void sixteenClientsPostingTenThousandReadingsToFourKpisAreAllRecordedOnce() throws Exception {
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            running.add(clients.submit(() -> {
                for (int i = c; i < READINGS; i += CLIENTS) {
                    RunningService instance = (i / CLIENTS) % 2 == 0 ? a : b;
                    HttpResponse<String> response = instance.post(readings("load", KPIS.get(i % KPIS.size())),
                            reading("r" + i, i));
                    byStatus.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        long events = recorded("load");
        long distinct = store.sql("""
                        select count(distinct convert_from(payload, 'UTF8')::jsonb ->> 'readingId') from domain_event_entry
                        where aggregate_identifier like 'load/%' and payload_type = 'nl.koers.api.kpi.ReadingRecorded'""")
                .query(Long.class).single();
        System.out.printf("Load: %d readings by %d clients over two instances in %d ms (%.0f per second), by status %s, "
                        + "%d recorded, %d duplicates, %.0f commands retried after a concurrency conflict%n",
                READINGS, CLIENTS, elapsed.toMillis(), READINGS * 1000.0 / elapsed.toMillis(), new TreeMap<>(byStatus),
                events, events - distinct, retries());
        assertThat(byStatus.keySet()).containsOnly(201);
        assertThat(retries()).as("commands raced for an aggregate").isPositive();
        assertThat(events).isEqualTo(READINGS);
        assertThat(distinct).isEqualTo(READINGS);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(store.sql(
                "select count(*) from nav_reading where programme_id = 'load'").query(Long.class).single()).isEqualTo(READINGS));
    }

    @Test
    void oneReadingPostedTwiceAtOnceThroughBothInstancesIsRecordedOnce() throws Exception {
        int readings = 40;
        ExecutorService pair = Executors.newFixedThreadPool(2);
        for (int i = 0; i < readings; i++) {
            String kpi = KPIS.get(i % KPIS.size());
            String body = reading("same-" + i, i);
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<Integer> viaA = () -> {
                together.await();
                return a.post(readings("twice", kpi), body).statusCode();
            };
            Callable<Integer> viaB = () -> {
                together.await();
                return b.post(readings("twice", kpi), body).statusCode();
            };
            Future<Integer> answerA = pair.submit(viaA);
            Future<Integer> answerB = pair.submit(viaB);
            List<Integer> answers = List.of(answerA.get(), answerB.get());
            assertThat(answers).as("same-" + i).containsExactlyInAnyOrder(200, 201);
        }
        pair.shutdown();
        assertThat(recorded("twice")).isEqualTo(readings);
    }

    private static String readings(String pid, String kpi) {
        return "/api/v1/programmes/" + pid + "/kpis/" + kpi + "/readings";
    }

    private static String reading(String readingId, int i) {
        return """
                {"value": %d, "measuredAt": "%s", "readingId": "%s"}""".formatted(i, FIRST_MEASURED.plusSeconds(60L * i), readingId);
    }

    private static long recorded(String pid) {
        return store.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier like ? and payload_type = 'nl.koers.api.kpi.ReadingRecorded'""")
                .param(pid + "/%").query(Long.class).single();
    }

    private static double retries() {
        return a.bean(MeterRegistry.class).get("koers.command.retries").counter().count()
                + b.bean(MeterRegistry.class).get("koers.command.retries").counter().count();
    }
}

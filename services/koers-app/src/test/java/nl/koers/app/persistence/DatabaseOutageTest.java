package nl.koers.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.koers.app.RunningService;
import nl.koers.app.signals.SignalSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stopped and started again under the running service while clients post readings: every reading answered
 * 2xx is in the event store afterwards, every other one was answered 503 (with Retry-After) or lost its connection,
 * and the service, its event processors, the signal sweep and the segment balancer carry on by themselves. The
 * database is one of this test's own, on a fixed folder and port, so the tests' shared server is never stopped.
 */
class DatabaseOutageTest {

    private static final int CLIENTS = 4;
    private static final int CONNECTION_ERROR = -1;
    private static final String P = "/api/v1/programmes/outage";

    @TempDir
    Path dataDirectory;

    /** What a client was answered for one reading, and when. */
    private record Answer(int status, Instant at) {
    }

    @Test
    void everyAcceptedReadingSurvivesAnOutageAndTheServiceRecoversWithoutARestart() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        try (RunningService service = RunningService.onDatabase(postgres.getJdbcUrl("postgres", "postgres"),
                "--koers.processors.balance-interval=PT1S")) {
            service.post("/api/v1/programmes", """
                    {"id": "outage", "name": "Outage", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""", 201);
            for (String kpi : List.of("a", "b")) {
                service.post(P + "/kpis", """
                        {"id": "%s", "name": "K", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 0,
                         "baselineDate": "2026-01-01", "target": 100000, "targetDate": "2026-12-31", "tolerance": 100000,
                         "cadence": "P1W"}""".formatted(kpi), 201);
            }

            // given clients posting readings all the time
            Map<String, Answer> answers = new ConcurrentHashMap<>();
            AtomicReference<HttpResponse<String>> unavailable = new AtomicReference<>();
            AtomicBoolean posting = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int c = client;
                running.add(clients.submit(() -> {
                    for (int n = 0; posting.get(); n++) {
                        String readingId = "c" + c + "-" + n;
                        String kpi = c % 2 == 0 ? "a" : "b";
                        int status;
                        try {
                            HttpResponse<String> response = service.post(P + "/kpis/" + kpi + "/readings", """
                                    {"value": %d, "measuredAt": "%s", "readingId": "%s"}"""
                                    .formatted(n, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(60L * (n * CLIENTS + c)),
                                            readingId));
                            status = response.statusCode();
                            if (status == 503) {
                                unavailable.compareAndSet(null, response);
                            }
                        } catch (IOException e) {
                            status = CONNECTION_ERROR;
                        }
                        answers.put(readingId, new Answer(status, Instant.now()));
                    }
                    return null;
                }));
            }

            // when the database stops for a while and starts again on the same folder and port
            Thread.sleep(3_000);
            postgres.close();
            Thread.sleep(8_000);
            postgres = start(port);
            Instant restarted = Instant.now();
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.values().stream()
                    .anyMatch(answer -> answer.status() == 201 && answer.at().isAfter(restarted)));
            Duration recovery = Duration.between(restarted, answers.values().stream()
                    .filter(answer -> answer.status() == 201 && answer.at().isAfter(restarted))
                    .map(Answer::at).min(Instant::compareTo).orElseThrow());
            Thread.sleep(3_000);
            posting.set(false);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();

            // then every reading answered 201 is stored, the others were answered 503 or lost their connection
            Map<Integer, Long> byStatus = answers.values().stream()
                    .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
            JdbcClient store = JdbcClient.create(postgres.getPostgresDatabase());
            Set<String> stored = Set.copyOf(store.sql("""
                            select convert_from(payload, 'UTF8')::jsonb ->> 'readingId' from domain_event_entry
                            where payload_type = 'nl.koers.api.kpi.ReadingRecorded'""")
                    .query(String.class).list());
            List<String> accepted = answers.entrySet().stream().filter(answer -> answer.getValue().status() == 201)
                    .map(Map.Entry::getKey).toList();
            List<String> lost = accepted.stream().filter(readingId -> !stored.contains(readingId)).toList();
            System.out.printf("Database outage: %d readings posted, by status %s (-1: connection error), %d lost, "
                    + "first reading accepted %d ms after the database was back%n",
                    answers.size(), byStatus, lost.size(), recovery.toMillis());
            assertThat(lost).isEmpty();
            assertThat(byStatus.keySet()).isSubsetOf(201, 503, CONNECTION_ERROR).contains(201, 503);
            HttpResponse<String> refused = unavailable.get();
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("\"status\":503");

            // and the service serves again: reads, the projection catching up, the sweep, the segment balancer
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(store.sql(
                    "select count(*) from nav_reading where programme_id = 'outage'").query(Long.class).single())
                    .isEqualTo(stored.size()));
            assertThat(service.response(P + "/kpis/a").statusCode()).isEqualTo(200);
            assertThat(service.bean(SignalSweep.class).sweep().ran()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.sql(
                    "select count(*) from pg_stat_activity where application_name like 'koers-node:%'")
                    .query(Long.class).single() == 1);
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedDatabaseConfiguration.durable(EmbeddedPostgres.builder())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

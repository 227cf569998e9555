package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.app.navigation.ProjectionCatchUp;
import nl.koers.app.navigation.ProjectionMode;
import org.junit.jupiter.api.Test;

/**
 * What a 2xx wrote, the very next GET shows, on the instance that took the write and on another one sharing the
 * database, with no wait in between: a programme, a KPI, a reading (the KPI's latest reading), a milestone, and the
 * signal an off-plan reading raised; also while eight clients keep posting readings; also on the embedded default.
 * Every write answers the store position it reached, and a GET that sends it back is answered at once; only while a
 * rebuild's replay catches the views up does such a GET wait for it, bounded, or say that it is behind.
 */
class ReadYourWritesTest {

    private static final int ROUNDS = 40;

    @Test
    void twoInstancesOnOneDatabaseShowEveryWriteOnTheNextGet() throws Exception {
        String database = TestDatabase.newDatabase();
        try (RunningService a = RunningService.onDatabase(database, "--koers.node-id=a");
             RunningService b = RunningService.onDatabase(database, "--koers.node-id=b")) {
            List<String> misses = new ArrayList<>();
            for (int round = 0; round < ROUNDS / 2; round++) {
                writeThenRead(round % 2 == 0 ? a : b, round % 4 < 2 ? a : b, "quiet-" + round, misses);
            }
            try (Background load = new Background(a, b)) {
                for (int round = ROUNDS / 2; round < ROUNDS; round++) {
                    writeThenRead(round % 2 == 0 ? a : b, round % 4 < 2 ? b : a, "busy-" + round, misses);
                }
                assertThat(load.recorded()).isPositive();
            }
            assertThat(misses).isEmpty();
        }
    }

    @Test
    void theEmbeddedDefaultShowsEveryWriteOnTheNextGet() throws Exception {
        Path data = Files.createTempDirectory("koers-read-your-writes");
        try (RunningService service = RunningService.start("--koers.embedded-database.enabled=true",
                "--koers.embedded-database.directory=" + data, "--koers.signals.sweep-initial-delay=PT1H")) {
            List<String> misses = new ArrayList<>();
            for (int round = 0; round < ROUNDS / 2; round++) {
                writeThenRead(service, service, "embedded-" + round, misses);
            }
            assertThat(misses).isEmpty();
        }
    }

    @Test
    void whileTheViewsCatchUpAGetWaitsForTheReplayOrSaysItIsBehind() throws Exception {
        try (RunningService service = RunningService.onDatabase(TestDatabase.newDatabase(),
                "--koers.projections.catch-up-interval=PT1H", "--koers.reads.max-wait=PT2S")) {
            // given a programme with readings, and a rebuild whose replay this test hands over itself
            writeThenRead(service, service, "rebuilt", new ArrayList<>());
            String position = service.post("/api/v1/programmes/rebuilt/kpis/adoption/readings", """
                    {"value": 15, "measuredAt": "2026-01-22", "readingId": "last"}""", 201)
                    .headers().firstValue("Koers-Position").orElseThrow();
            ProjectionCatchUp catchUp = service.bean(ProjectionCatchUp.class);
            catchUp.rebuild();

            // when a GET sends the position of the last write, it waits for the replay and shows that write
            HttpResponse<String> waited = service.sendWithHeader("GET", "/api/v1/programmes/rebuilt/kpis/adoption",
                    "Koers-Position", position);
            assertThat(waited.headers().firstValue("Koers-Behind")).isEmpty();
            assertThat(JsonPath.<String>read(waited.body(), "$.latestReading.readingId")).isEqualTo("last");

            // and a position the replay does not reach within the bound is answered with what there is, saying so
            HttpResponse<String> behind = service.sendWithHeader("GET", "/api/v1/programmes/rebuilt",
                    "Koers-Position", String.valueOf(Long.parseLong(position) + 1_000));
            assertThat(behind.statusCode()).isEqualTo(200);
            assertThat(behind.headers().firstValue("Koers-Behind")).contains("true");

            // and once the replay hands over, the views are written inline again and nothing is behind
            catchUp.check();
            assertThat(service.bean(ProjectionMode.class).current()).isEqualTo(ProjectionMode.Mode.INLINE);
            assertThat(service.sendWithHeader("GET", "/api/v1/programmes/rebuilt", "Koers-Position",
                    String.valueOf(Long.parseLong(position) + 1_000)).headers().firstValue("Koers-Behind")).isEmpty();

            // and a position that is no number is a bad request
            HttpResponse<String> bad = service.sendWithHeader("GET", "/api/v1/programmes/rebuilt", "Koers-Position", "soon");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("bad-position");
        }
    }

    /**
     * Five writes, each followed at once by a GET of what it wrote on {@code reader}: one pair of each kind. A GET
     * that does not show the write is a miss.
     */
    private static void writeThenRead(RunningService writer, RunningService reader, String pid, List<String> misses)
            throws Exception {
        String programme = "/api/v1/programmes/" + pid;
        HttpResponse<String> defined = writer.post("/api/v1/programmes", """
                {"id": "%s", "name": "Read your writes", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}"""
                .formatted(pid), 201);
        assertThat(defined.headers().firstValue("Koers-Position")).get().matches(position -> Long.parseLong(position) > 0);
        check(reader.response(defined.headers().firstValue("Location").orElseThrow()), 200, "$.id", pid, "programme " + pid, misses);

        HttpResponse<String> kpi = writer.post(programme + "/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1W"}""", 201);
        check(reader.response(kpi.headers().firstValue("Location").orElseThrow()), 200, "$.id", "adoption", "KPI of " + pid, misses);

        writer.post(programme + "/kpis/adoption/readings", """
                {"value": 12, "measuredAt": "2026-01-08", "readingId": "on-plan"}""", 201);
        check(reader.response(programme + "/kpis/adoption"), 200, "$.latestReading.readingId", "on-plan", "reading of " + pid, misses);

        HttpResponse<String> milestone = writer.post(programme + "/milestones", """
                {"id": "launch", "title": "Launch", "dueDate": "2026-09-01"}""", 201);
        check(reader.response(milestone.headers().firstValue("Location").orElseThrow()), 200, "$.id", "launch", "milestone of " + pid, misses);

        HttpResponse<String> offPlan = writer.post(programme + "/kpis/adoption/readings", """
                {"value": 1, "measuredAt": "2026-01-15", "readingId": "off-plan"}""", 201);
        HttpResponse<String> signals = reader.send("GET", "/api/v1/signals?type=KPI_OFF_PLAN&programme=" + pid, null, null);
        check(signals, 200, "$.length()", 1, "KPI_OFF_PLAN of " + pid, misses);
        HttpResponse<String> sentBack = reader.sendWithHeader("GET", programme, "Koers-Position",
                offPlan.headers().firstValue("Koers-Position").orElseThrow());
        check(sentBack, 200, "$.openSignals.CRITICAL", 1, "programme of " + pid + " with the position sent back", misses);
    }

    private static void check(HttpResponse<String> response, int status, String path, Object expected, String what,
                              List<String> misses) {
        if (response.statusCode() != status || !expected.equals(readOrNull(response.body(), path))) {
            misses.add(what + ": " + response.statusCode() + " " + response.body());
        }
        assertThat(response.headers().firstValue("Koers-Behind")).as(what).isEmpty();
    }

    /** The value at {@code path}, or null where the answer has nothing there (a view without the write). */
    private static Object readOrNull(String body, String path) {
        try {
            return JsonPath.read(body, path);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    /** Eight clients posting readings to KPIs of their own, across both instances, until closed. */
    private static final class Background implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger recorded = new AtomicInteger();
        private final ExecutorService clients = Executors.newFixedThreadPool(8);
        private final List<Future<?>> work = new ArrayList<>();

        Background(RunningService a, RunningService b) throws Exception {
            a.defineProgrammeWithKpis("background", List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"));
            for (int client = 0; client < 8; client++) {
                RunningService service = client % 2 == 0 ? a : b;
                String kpi = "/api/v1/programmes/background/kpis/k" + client + "/readings";
                work.add(clients.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        service.post(kpi, """
                                {"value": %d, "measuredAt": "2026-02-01T00:00:00Z", "readingId": "r%d"}""".formatted(n, n), 201);
                        recorded.incrementAndGet();
                    }
                    return null;
                }));
            }
        }

        int recorded() {
            return recorded.get();
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            for (Future<?> client : work) {
                client.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
    }
}

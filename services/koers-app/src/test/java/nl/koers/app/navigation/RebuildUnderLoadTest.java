package nl.koers.app.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import nl.koers.api.kpi.RecordReading;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme view is rebuilt again and again while readings keep coming in: each rebuild empties the view and
 * replays the store, commands meanwhile leave their events to the replay, and the hand-over back to inline writing
 * lets no event through twice or not at all. Every reading is projected exactly once, and the history holds every
 * event once.
 */
class RebuildUnderLoadTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void rebuildsWhileReadingsComeInProjectEveryEventOnce() throws Exception {
        try (RunningService service = RunningService.onDatabase(TestDatabase.newDatabase(),
                "--koers.projections.catch-up-interval=PT0.1S")) {
            service.post("/api/v1/programmes", """
                    {"id": "restarts", "name": "Restarts", "startDate": "2026-01-01", "plannedEndDate": "2030-01-01"}""", 201);
            service.post("/api/v1/programmes/restarts/kpis", """
                    {"id": "k", "name": "K", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 0,
                     "baselineDate": "2026-01-01", "target": 1000, "targetDate": "2029-12-31", "tolerance": 1000,
                     "cadence": "P1D"}""", 201);
            CommandGateway commands = service.bean(CommandGateway.class);
            JdbcClient jdbc = service.bean(JdbcClient.class);
            ProjectionCatchUp catchUp = service.bean(ProjectionCatchUp.class);
            ProjectionMode mode = service.bean(ProjectionMode.class);
            AtomicInteger recorded = new AtomicInteger();
            for (int i = 0; i < 300; i++) {
                record(commands, recorded);
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    record(commands, recorded);
                }
            });
            writer.start();
            try {
                for (int restart = 0; restart < 3; restart++) {
                    Thread.sleep(300);
                    catchUp.rebuild();
                    await().atMost(Duration.ofSeconds(60)).until(() -> mode.current() == ProjectionMode.Mode.INLINE);
                }
                Thread.sleep(300);
            } finally {
                writing.set(false);
                writer.join();
            }

            assertThat(readings(jdbc)).isEqualTo(recorded.get());
            assertThat(jdbc.sql("select count(*) from nav_history where programme_id = 'restarts'").query(Long.class).single())
                    .isEqualTo(jdbc.sql("""
                            select count(*) from domain_event_entry
                            where aggregate_identifier in ('restarts', 'restarts/k')""").query(Long.class).single());
        }
    }

    private static void record(CommandGateway commands, AtomicInteger recorded) {
        int n = recorded.get();
        commands.sendAndWait(new RecordReading("restarts", "k", "r" + n, BigDecimal.valueOf(n % 100),
                START.plus(n, ChronoUnit.MINUTES), null, null));
        recorded.incrementAndGet();
    }

    private static long readings(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from nav_reading where programme_id = 'restarts'").query(Long.class).single();
    }
}

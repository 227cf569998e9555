package nl.koers.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.programme.DefineProgramme;
import nl.koers.app.RunningService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default: PostgreSQL started by the service in a folder of its own, durable, and kept across restarts. */
class EmbeddedDefaultTest {

    @TempDir
    Path workingDirectory;

    @Test
    void keepsItsDataInItsFolderAcrossARestartAndCommitsDurably() {
        Path data = workingDirectory.resolve("koers-data").resolve("postgres");
        try (RunningService service = start(data)) {
            JdbcClient jdbc = service.bean(JdbcClient.class);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            service.bean(CommandGateway.class).sendAndWait(new DefineProgramme("kept", "Kept", null, null,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), List.of()));
        }
        assertThat(data.resolve("PG_VERSION")).exists();
        try (RunningService service = start(data)) {
            assertThat(service.bean(JdbcClient.class)
                    .sql("select count(*) from domain_event_entry where aggregate_identifier = 'kept'")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private static RunningService start(Path data) {
        return RunningService.start("--koers.embedded-database.enabled=true",
                "--koers.embedded-database.directory=" + data, "--koers.signals.sweep-initial-delay=PT1H");
    }
}

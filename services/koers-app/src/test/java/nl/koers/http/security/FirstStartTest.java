package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Secure from the first start, as a new user runs it: no admin token configured, so the service issues one, logs
 * it once and accepts nothing else; after a restart on the same data it is still valid and not logged again.
 * /actuator/prometheus is open unless koers.security.protect-prometheus is true.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final Pattern API_TOKEN = Pattern.compile("koers_[A-Za-z0-9_-]{43}");
    private static final String NO_ADMIN_TOKEN = "--koers.security.admin-token=";

    @Test
    void theFirstStartIssuesAnAdminTokenAndLogsItOnlyThen(CapturedOutput output) {
        String database = TestDatabase.newDatabase();
        String token;
        try (RunningService service = RunningService.onDatabase(database, NO_ADMIN_TOKEN)) {
            List<String> logged = tokensIn(output.getOut());
            assertThat(logged).hasSize(1);
            token = logged.get(0);
            Client client = new Client(service.base());

            assertThat(client.post("/api/v1/programmes", null, programme("first")).statusCode()).isEqualTo(401);
            assertThat(client.post("/api/v1/programmes", "koers-test-admin-token-not-a-secret", programme("first"))
                    .statusCode()).isEqualTo(401);
            assertThat(client.post("/api/v1/programmes", token, programme("first")).statusCode()).isEqualTo(201);
            assertThat(client.get("/api/v1/admin/tokens", token).body()).contains("\"name\":\"admin\"").doesNotContain(token);
            assertThat(client.get("/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(client.get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        }

        try (RunningService service = RunningService.onDatabase(database, NO_ADMIN_TOKEN,
                "--koers.security.protect-prometheus=true")) {
            Client client = new Client(service.base());

            assertThat(tokensIn(output.getOut())).containsExactly(token);
            assertThat(client.post("/api/v1/programmes", token, programme("second")).statusCode()).isEqualTo(201);
            assertThat(client.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(client.get("/actuator/prometheus", token).body()).contains("koers_");
        }
    }

    /** Every API token the log shows, as often as it shows it. */
    private static List<String> tokensIn(String log) {
        Matcher matcher = API_TOKEN.matcher(log);
        return matcher.results().map(MatchResult::group).toList();
    }

    private static String programme(String id) {
        return """
                {"id": "%s", "name": "P", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(id);
    }
}

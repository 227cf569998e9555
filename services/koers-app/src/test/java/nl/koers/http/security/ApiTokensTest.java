package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.TestCredentials;
import nl.koers.input.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens: shown once, kept as a hash, refused once revoked or expired, and named as the actor of what they do. */
@SecuredServiceTest
class ApiTokensTest {

    private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
    private static int programmes;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Client client;
    private String pid;

    @BeforeEach
    void aProgramme() {
        client = new Client("http://localhost:" + port);
        pid = "tokens-" + (++programmes);
        client.givenProgramme(pid);
    }

    @Test
    void aTokenIsShownOnceAndKeptOnlyAsItsHash() {
        HttpResponse<String> issued = client.postAsAdmin("/api/v1/admin/tokens", """
                {"name": "ci-%s", "roles": ["TEAM"], "programmes": ["%s"]}""".formatted(pid, pid), 201);
        String token = JsonPath.read(issued.body(), "$.token");
        String id = JsonPath.read(issued.body(), "$.id");

        assertThat(token).matches("koers_[A-Za-z0-9_-]{43}");
        assertThat(issued.headers().firstValue("Location")).hasValue("/api/v1/admin/tokens/" + id);
        assertThat(JsonPath.<String>read(issued.body(), "$.createdBy")).isEqualTo("admin");
        assertThat(JsonPath.<List<String>>read(issued.body(), "$.roles")).containsExactly("TEAM");
        assertThat(JsonPath.<List<String>>read(issued.body(), "$.programmes")).containsExactly(pid);
        String listed = client.get("/api/v1/admin/tokens", ADMIN).body();
        assertThat(listed).contains(id).doesNotContain(token).doesNotContain("\"token\"");
        assertThat(client.get("/api/v1/admin/tokens/" + id, ADMIN).body()).doesNotContain(token);
        Map<String, Object> row = jdbc.sql("select * from api_token where id = :id::uuid").param("id", id).query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(token)).isNotEqualTo(token);
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(token.substring(6)));
    }

    @Test
    void aRevokedTokenIsRefused() {
        HttpResponse<String> issued = client.postAsAdmin("/api/v1/admin/tokens", """
                {"name": "revoked-%s", "roles": ["VIEWER"]}""".formatted(pid), 201);
        String token = JsonPath.read(issued.body(), "$.token");
        String id = JsonPath.read(issued.body(), "$.id");
        assertThat(client.get("/api/v1/programmes", token).statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(client.get("/api/v1/admin/tokens/" + id, ADMIN).body(), "$.lastUsedAt")).isNotNull();

        assertThat(client.delete("/api/v1/admin/tokens/" + id, ADMIN).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = client.get("/api/v1/programmes", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(JsonPath.<String>read(client.get("/api/v1/admin/tokens/" + id, ADMIN).body(), "$.revokedBy"))
                .isEqualTo("admin");
        assertThat(client.delete("/api/v1/admin/tokens/" + id, ADMIN).statusCode()).as("revoked before").isEqualTo(204);
        assertThat(client.delete("/api/v1/admin/tokens/00000000-0000-0000-0000-000000000000", ADMIN).statusCode())
                .isEqualTo(404);
    }

    /** An instance accepts a token it checked lately without a lookup, for koers.security.token-cache (5 s). */
    @Test
    void aTokenRevokedByAnotherInstanceIsRefusedWithinTheTokenCachesTime() {
        HttpResponse<String> issued = client.postAsAdmin("/api/v1/admin/tokens", """
                {"name": "elsewhere-%s", "roles": ["VIEWER"]}""".formatted(pid), 201);
        String token = JsonPath.read(issued.body(), "$.token");
        assertThat(client.get("/api/v1/programmes", token).statusCode()).isEqualTo(200);

        jdbc.sql("update api_token set revoked_at = now(), revoked_by = 'other instance' where id = :id::uuid")
                .param("id", JsonPath.<String>read(issued.body(), "$.id")).update();

        assertThat(client.get("/api/v1/programmes", token).statusCode()).as("checked a moment ago").isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/v1/programmes", token).statusCode() == 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = JsonPath.read(client.postAsAdmin("/api/v1/admin/tokens", """
                {"name": "brief-%s", "roles": ["VIEWER"], "expiresAt": "%s"}""".formatted(pid, Instant.now().plusSeconds(2)),
                201).body(), "$.token");
        assertThat(client.get("/api/v1/programmes", token).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/v1/programmes", token).statusCode() == 401);
    }

    @Test
    void aNameIsTakenUntilItsTokenIsRevoked() {
        String token = """
                {"name": "nightly-%s", "roles": ["TEAM"]}""".formatted(pid);
        String id = JsonPath.read(client.postAsAdmin("/api/v1/admin/tokens", token, 201).body(), "$.id");
        client.postAsAdmin("/api/v1/admin/tokens", token, 409);
        client.delete("/api/v1/admin/tokens/" + id, ADMIN);
        client.postAsAdmin("/api/v1/admin/tokens", token, 201);
    }

    @Test
    void aTokenNeedsANameRolesKnownProgrammesAndAFutureExpiry() {
        client.postAsAdmin("/api/v1/admin/tokens", "{\"roles\": [\"TEAM\"]}", 400);
        client.postAsAdmin("/api/v1/admin/tokens", "{\"name\": \"n\", \"roles\": []}", 400);
        client.postAsAdmin("/api/v1/admin/tokens", "{\"name\": \"n\", \"roles\": [\"ROOT\"]}", 400);
        client.postAsAdmin("/api/v1/admin/tokens", "{\"name\": \"n\", \"roles\": [\"TEAM\"], \"programmes\": [\"Not A Slug\"]}", 400);
        client.postAsAdmin("/api/v1/admin/tokens", """
                {"name": "n", "roles": ["TEAM"], "expiresAt": "2020-01-01T00:00:00Z"}""", 400);
    }

    @Test
    void theHistoryNamesTheTokenThatCausedEachEvent() {
        client.givenKpi(pid);
        String team = client.issueToken("team-" + pid, Role.TEAM, "[\"" + pid + "\"]");

        HttpResponse<String> recorded = client.send(client.request("/api/v1/programmes/" + pid + "/kpis/k/readings", team)
                .header("Content-Type", "application/json").header("X-Correlation-Id", "sec-" + pid)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"value": 20, "measuredAt": "2026-02-01", "readingId": "w5"}""")));
        assertThat(recorded.statusCode()).isEqualTo(201);

        String history = await().atMost(Duration.ofSeconds(10)).until(
                () -> client.get("/api/v1/programmes/" + pid + "/history", ADMIN).body(), body -> body.contains("w5"));
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.type == 'ReadingRecorded')].actor"))
                .containsExactly("team-" + pid);
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.type == 'ReadingRecorded')].correlationId"))
                .containsExactly("sec-" + pid);
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.type == 'ProgrammeDefined')].actor")).containsExactly("admin");
    }

    @Test
    void anOfficeOfSomeProgrammesWorksWithinThemButIsNoAdmin() {
        String office = client.issueToken("office-" + pid, Role.OFFICE, "[\"" + pid + "\"]");

        assertThat(client.post("/api/v1/programmes/" + pid + "/milestones", office, """
                {"id": "m", "title": "M", "dueDate": "2026-06-01"}""").statusCode()).isEqualTo(201);
        assertThat(client.post("/api/v1/programmes", office, """
                {"id": "%s-next", "name": "P", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid))
                .statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/admin/tokens", office).statusCode()).isEqualTo(403);
        assertThat(client.post("/api/v1/admin/tokens", office, "{\"name\": \"mine\", \"roles\": [\"OFFICE\"]}").statusCode())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/programmes/tokens-0", office).statusCode()).isEqualTo(404);
    }
}

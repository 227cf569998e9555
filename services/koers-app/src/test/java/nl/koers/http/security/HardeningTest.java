package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.koers.app.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What no caller should be able to lean on: bodies over 1 MB (413, chunked ones too), errors that show internals,
 * missing security headers, browsers of other sites, actuator endpoints beyond health.
 */
@SecuredServiceTest
class HardeningTest {

    private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
    private static final int ONE_MB = 1024 * 1024;

    @LocalServerPort
    int port;

    private Client client;

    @BeforeEach
    void client() {
        client = new Client("http://localhost:" + port);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() {
        byte[] tooLarge = programme("too-large", ONE_MB + 1 - programme("too-large", 0).length);
        assertThat(tooLarge).hasSize(ONE_MB + 1);

        for (HttpResponse<String> response : postedWithAndWithoutLength(tooLarge)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":413", "\"title\":\"Request body too large\"");
        }
    }

    @Test
    void aBodyAtTheLimitIsReadWholeWhetherItsLengthIsDeclaredOrNot() {
        byte[] atTheLimit = programme("at-limit", ONE_MB - programme("at-limit", 0).length);
        assertThat(atTheLimit).hasSize(ONE_MB);

        // the API judges all of it: the fields after the long description are read, only the description is too long
        for (HttpResponse<String> response : postedWithAndWithoutLength(atTheLimit)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"description\"").doesNotContain("startDate");
        }
    }

    @Test
    void errorsShowNoInternals() {
        HttpResponse<String> malformed = client.post("/api/v1/programmes", ADMIN, "{\"id\": ");
        HttpResponse<String> rejectedPath = client.get("/api/v1/programmes/a;b/..;/c", ADMIN);
        HttpResponse<String> wrongScheme = client.send(client.request("/api/v1/programmes", null)
                .header("Authorization", "Basic YWRtaW46YWRtaW4="));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(rejectedPath.statusCode()).isEqualTo(400);
        assertThat(wrongScheme.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(malformed, rejectedPath, wrongScheme)) {
            assertThat(response.body()).doesNotContain("Exception", "nl.koers", "org.springframework", "\tat ", "Tomcat");
        }
    }

    @Test
    void answersCarrySecurityHeaders() {
        HttpResponse<String> response = client.get("/api/v1/programmes", ADMIN);

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    @Test
    void pagesOfOtherSitesAreNotLetIn() {
        HttpResponse<String> preflight = client.send(client.request("/api/v1/programmes", null)
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> read = client.send(client.request("/api/v1/programmes", ADMIN)
                .header("Origin", "https://elsewhere.example").GET());

        assertThat(preflight.statusCode()).isIn(401, 403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void onlyHealthAndTheApiDocumentAreOpenToAll() {
        assertThat(client.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/v3/api-docs", null).body()).contains("\"bearer\"");
        assertThat(client.get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/actuator/env", ADMIN).statusCode()).isEqualTo(403);
        assertThat(client.get("/actuator", ADMIN).statusCode()).isEqualTo(403);
    }

    /** A programme definition of exactly {@code padding} more bytes than without. */
    private static byte[] programme(String id, int padding) {
        return """
                {"id": "%s", "name": "P", "description": "%s", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}"""
                .formatted(id, "x".repeat(Math.max(padding, 0))).getBytes(StandardCharsets.UTF_8);
    }

    /** The answers to {@code body} posted with its Content-Length, and in chunks, its length not declared. */
    private List<HttpResponse<String>> postedWithAndWithoutLength(byte[] body) {
        return List.of(HttpRequest.BodyPublishers.ofByteArray(body),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).stream()
                .map(publisher -> client.send(client.request("/api/v1/programmes", ADMIN)
                        .header("Content-Type", "application/json").POST(publisher)))
                .toList();
    }
}

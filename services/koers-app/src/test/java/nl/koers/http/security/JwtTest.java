package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People sign in with the OIDC provider: the service finds its keys from the issuer URI and takes roles and
 * programmes from the JWT's koers_roles and koers_programmes claims; the subject is the actor.
 */
@SecuredServiceTest
class JwtTest {

    private static final LocalOidcIssuer ISSUER = LocalOidcIssuer.get();
    private static int programmes;

    @LocalServerPort
    int port;

    private Client client;
    private String pid;

    @BeforeEach
    void aProgrammeWithAKpi() {
        client = new Client("http://localhost:" + port);
        pid = "jwt-" + (++programmes);
        client.givenProgramme(pid);
        client.givenKpi(pid);
    }

    @Test
    void aTeamMemberRecordsReadingsOfHerProgrammeAndIsTheirActor() {
        String alice = ISSUER.jwt("alice@example.org", Map.of("koers_roles", List.of("TEAM"), "koers_programmes", List.of(pid)));

        assertThat(client.post("/api/v1/programmes/" + pid + "/kpis/k/readings", alice, """
                {"value": 20, "measuredAt": "2026-02-01", "readingId": "w5"}""").statusCode()).isEqualTo(201);
        assertThat(client.post("/api/v1/programmes/" + pid + "/kpis/k/retarget", alice, """
                {"target": 90, "targetDate": "2026-12-31", "reason": "more"}""").statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/programmes/jwt-0", alice).statusCode()).isEqualTo(404);

        String history = await().atMost(Duration.ofSeconds(10)).until(
                () -> client.get("/api/v1/programmes/" + pid + "/history", alice).body(), body -> body.contains("w5"));
        assertThat(JsonPath.<List<String>>read(client.get("/api/v1/programmes", alice).body(), "$[*].id")).containsExactly(pid);
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.type == 'ReadingRecorded')].actor"))
                .containsExactly("alice@example.org");
    }

    @Test
    void rolesMayBeOneStringAndWithoutProgrammesEveryProgrammeIsOpen() {
        String bob = ISSUER.jwt("bob", Map.of("koers_roles", "office steering"));

        assertThat(client.post("/api/v1/programmes", bob, """
                {"id": "%s-b", "name": "P", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid))
                .statusCode()).isEqualTo(201);
        assertThat(client.get("/api/v1/admin/tokens", bob).statusCode()).isEqualTo(200);
    }

    @Test
    void aJwtWithoutKnownRolesOrWithAnEmptyProgrammesClaimMayDoNothing() {
        String carol = ISSUER.jwt("carol", Map.of("koers_roles", List.of("ROOT")));
        String dan = ISSUER.jwt("dan", Map.of("koers_roles", List.of("VIEWER"), "koers_programmes", List.of()));

        assertThat(client.get("/api/v1/programmes", carol).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/programmes", dan).statusCode()).isEqualTo(403);
    }

    @Test
    void aJwtWithoutASubjectIsRefused() {
        String nobody = ISSUER.signed(LocalOidcIssuer.claims(ISSUER.issuer(), null, Instant.now().plusSeconds(3600),
                Map.of("koers_roles", List.of("VIEWER"))));

        assertThat(client.get("/api/v1/programmes", nobody).statusCode()).isEqualTo(401);
    }

    @Test
    void aJwtNotSignedByTheIssuerOrExpiredOrOfAnotherIssuerIsRefused() throws Exception {
        Map<String, Object> viewer = Map.of("koers_roles", List.of("VIEWER"));
        String forged = LocalOidcIssuer.signed(LocalOidcIssuer.newKey(),
                LocalOidcIssuer.claims(ISSUER.issuer(), "mallory", Instant.now().plusSeconds(3600), viewer));
        String expired = ISSUER.signed(LocalOidcIssuer.claims(ISSUER.issuer(), "dave", Instant.now().minusSeconds(300), viewer));
        String elsewhere = ISSUER.signed(LocalOidcIssuer.claims("https://elsewhere.example", "erin",
                Instant.now().plusSeconds(3600), viewer));
        String valid = ISSUER.jwt("frank", viewer);

        assertThat(client.get("/api/v1/programmes", valid).statusCode()).isEqualTo(200);
        for (String refused : List.of(forged, expired, elsewhere, valid.substring(0, valid.length() - 4) + "AAAA")) {
            assertThat(client.get("/api/v1/programmes", refused).statusCode()).isEqualTo(401);
        }
        assertThat(client.get("/api/v1/programmes", TestCredentials.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }
}

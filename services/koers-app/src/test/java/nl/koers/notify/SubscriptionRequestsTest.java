package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.KoersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The subscription endpoints with the service's defaults: private targets are refused, bad input is 400 and a
 * subscription outside the caller's programmes is 404. Targets here are in TEST-NET-1 (192.0.2.0/24, reserved for
 * documentation), so nothing leaves the machine.
 */
@KoersIntegrationTest
class SubscriptionRequestsTest {

    private static final String TARGET = "https://192.0.2.10/koers";

    @Autowired
    MockMvc http;

    @Test
    void privateAndPlainHttpTargetsAreRefused() throws Exception {
        for (String url : List.of("http://192.0.2.10/koers", "https://127.0.0.1/hook", "https://localhost/hook",
                "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://100.64.0.1/hook", "https://0.0.0.0/hook", "ftp://192.0.2.10/hook", "https://user:pw@192.0.2.10/hook",
                "not a url")) {
            MockHttpServletResponse response = send(post("/api/v1/subscriptions"), "{\"url\": \"" + url + "\"}", null);
            assertThat(response.getStatus()).as(url).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(JsonPath.<String>read(response.getContentAsString(), "$.errors[0].field")).isEqualTo("url");
        }
    }

    @Test
    void badFieldsAreRefusedWithProblemDetails() throws Exception {
        for (String body : List.of("{}", "{\"url\": \"" + TARGET + "\", \"minSeverity\": \"LOUD\"}",
                "{\"url\": \"" + TARGET + "\", \"types\": [\"NO_SUCH_TYPE\"]}",
                "{\"url\": \"" + TARGET + "\", \"format\": \"FAX\"}",
                "{\"url\": \"" + TARGET + "\", \"programmes\": [\"Not A Slug\"]}",
                "{\"url\": \"" + TARGET + "\", \"description\": \"" + "x".repeat(501) + "\"}")) {
            MockHttpServletResponse response = send(post("/api/v1/subscriptions"), body, null);
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        assertThat(send(post("/api/v1/subscriptions"), "{\"url\": \"" + TARGET + "\", \"programmes\": [\"no-such-programme\"]}",
                null).getStatus()).isEqualTo(404);
        assertThat(send(get("/api/v1/subscriptions/not-a-uuid"), null, null).getStatus()).isEqualTo(400);
        assertThat(send(get("/api/v1/subscriptions/00000000-0000-0000-0000-000000000000"), null, null).getStatus())
                .isEqualTo(404);
    }

    @Test
    void aSubscriptionIsShownWithItsSecretOnceAndDeletedForGood() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/subscriptions"), """
                {"url": "%s", "types": ["LEVER_UNMEASURED"], "format": "SLACK", "description": "#programme-office"}"""
                .formatted(TARGET), null);
        assertThat(created.getStatus()).isEqualTo(201);
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        assertThat(created.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/subscriptions/" + id);
        assertThat(JsonPath.<String>read(created.getContentAsString(), "$.secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(JsonPath.<String>read(created.getContentAsString(), "$.minSeverity")).isEqualTo("WARNING");

        String shown = send(get("/api/v1/subscriptions/" + id), null, null).getContentAsString();
        assertThat(shown).doesNotContain("secret").doesNotContain("whsec_");
        assertThat(JsonPath.<String>read(shown, "$.state")).isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(shown, "$.format")).isEqualTo("SLACK");
        assertThat(JsonPath.<String>read(shown, "$.createdBy")).isEqualTo("admin");
        assertThat(JsonPath.<List<String>>read(shown, "$.types")).containsExactly("LEVER_UNMEASURED");
        assertThat(JsonPath.<List<String>>read(shown, "$.programmes")).isEmpty();
        assertThat(JsonPath.<Object>read(shown, "$.failingSince")).isNull();
        assertThat(send(get("/api/v1/subscriptions"), null, null).getContentAsString()).contains(id);
        assertThat(send(get("/api/v1/subscriptions/" + id + "/deliveries"), null, null).getContentAsString()).isEqualTo("[]");

        assertThat(send(delete("/api/v1/subscriptions/" + id), null, null).getStatus()).isEqualTo(204);
        assertThat(send(get("/api/v1/subscriptions/" + id), null, null).getStatus()).isEqualTo(404);
    }

    @Test
    void aSubscriptionOutsideTheCallersProgrammesIsNotFound() throws Exception {
        for (String programme : List.of("scope-a", "scope-b")) {
            send(post("/api/v1/programmes"), """
                    {"id": "%s", "name": "N", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(programme), null);
        }
        String officeOfA = token("office-of-a", "OFFICE", "[\"scope-a\"]");
        String viewer = token("subscription-viewer", "VIEWER", "[]");
        String team = token("subscription-team", "TEAM", "[]");
        String ofB = id(send(post("/api/v1/subscriptions"), """
                {"url": "%s", "programmes": ["scope-b"], "types": ["LEVER_UNMEASURED"]}""".formatted(TARGET), null));
        String ofEveryProgramme = id(send(post("/api/v1/subscriptions"), """
                {"url": "%s", "types": ["LEVER_UNMEASURED"]}""".formatted(TARGET), null));

        for (String other : List.of(ofB, ofEveryProgramme)) {
            for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/subscriptions/" + other),
                    get("/api/v1/subscriptions/" + other + "/deliveries"), delete("/api/v1/subscriptions/" + other))) {
                MockHttpServletResponse response = send(request, null, officeOfA);
                assertThat(response.getStatus()).isEqualTo(404);
                assertThat(response.getContentAsString()).contains("There is no subscription");
            }
        }
        assertThat(send(post("/api/v1/subscriptions"), """
                {"url": "%s", "programmes": ["scope-b"]}""".formatted(TARGET), officeOfA).getStatus()).isEqualTo(404);
        String own = id(send(post("/api/v1/subscriptions"), """
                {"url": "%s", "types": ["LEVER_UNMEASURED"]}""".formatted(TARGET), officeOfA));
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/subscriptions"), null, officeOfA).getContentAsString(), "$[*].id"))
                .containsExactly(own);
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/subscriptions"), null, null).getContentAsString(), "$[*].id"))
                .contains(own, ofB, ofEveryProgramme);
        assertThat(send(get("/api/v1/subscriptions"), null, viewer).getStatus()).isEqualTo(403);
        assertThat(send(post("/api/v1/subscriptions"), "{\"url\": \"" + TARGET + "\"}", team).getStatus()).isEqualTo(403);

        for (String id : List.of(ofB, ofEveryProgramme, own)) {
            assertThat(send(delete("/api/v1/subscriptions/" + id), null, null).getStatus()).isEqualTo(204);
        }
    }

    @Test
    void theApiDocumentShowsTheSubscriptionEndpoints() throws Exception {
        String document = send(get("/v3/api-docs"), null, null).getContentAsString();
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/api/v1/subscriptions']")).containsKeys("get", "post");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/api/v1/subscriptions/{id}']")).containsKeys("get", "delete");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/api/v1/subscriptions/{id}/deliveries']")).containsKeys("get");
    }

    private String token(String name, String role, String programmes) throws Exception {
        return JsonPath.read(send(post("/api/v1/admin/tokens"), """
                {"name": "%s", "roles": ["%s"], "programmes": %s}""".formatted(name, role, programmes), null)
                .getContentAsString(), "$.token");
    }

    private static String id(MockHttpServletResponse created) throws Exception {
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    /** As the admin, unless a token is given. */
    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String json, String token) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response;
    }
}

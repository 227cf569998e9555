package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.TestCredentials;
import nl.koers.input.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint with every role, over real HTTP: the allowed call succeeds; without credentials or with a token
 * the service does not know it is 401, with a role that may not it is 403. A TEAM token of programme "alpha" finds
 * nothing of programme "beta": every request about it is 404, and the lists leave it out. An endpoint of the API
 * that the matrix does not try fails it.
 */
@SecuredServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> OFFICE = EnumSet.of(Role.OFFICE);
    private static final Set<Role> TEAM_OR_OFFICE = EnumSet.of(Role.TEAM, Role.OFFICE);
    private static final Set<Role> STEERING = EnumSet.of(Role.STEERING);
    private static final String ALPHA = "/api/v1/programmes/alpha";
    private static final String NO_BODY = null;
    private static final String SUBSCRIPTION = """
            {"url": "https://192.0.2.10/koers", "programmes": ["alpha"], "types": ["MILESTONE_OVERDUE"], "minSeverity": "CRITICAL"}""";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private Client client;
    private final Map<Role, String> tokens = new TreeMap<>();
    private String viewerTokenId;
    private final Map<Integer, Integer> answered = new TreeMap<>();
    private int tried;
    private final List<Call> sent = new ArrayList<>();
    private int calls;

    /** A request; {@code body} null for none. */
    private record Call(String method, String path, String body, String contentType) {

        Call(String method, String path, String body) {
            this(method, path, body, "application/json");
        }
    }

    /** An endpoint, the roles it allows, and its n-th call (which may first set up what it needs, as the admin). */
    private record Endpoint(String name, Set<Role> allowed, IntFunction<Call> call) {
    }

    @BeforeAll
    void twoProgrammesAndATokenForEachRole() {
        client = new Client("http://localhost:" + port);
        for (String programme : List.of("alpha", "beta")) {
            client.givenProgramme(programme);
            client.givenKpi(programme);
            String p = "/api/v1/programmes/" + programme;
            client.postAsAdmin(p + "/kpis/k/readings", """
                    {"value": 20, "measuredAt": "2026-02-01", "readingId": "r1"}""", 201);
            // the latest reading, far below plan: a KPI_OFF_PLAN signal
            client.postAsAdmin(p + "/kpis/k/readings", """
                    {"value": 11, "measuredAt": "2026-03-01", "readingId": "low"}""", 201);
            client.postAsAdmin(p + "/milestones", """
                    {"id": "m", "title": "M", "dueDate": "2026-06-01"}""", 201);
            client.postAsAdmin(p + "/evaluations", """
                    {"id": "e", "title": "E", "scheduledFor": "2026-03-31"}""", 201);
        }
        tokens.put(Role.OFFICE, client.issueToken("office", Role.OFFICE, "[]"));
        tokens.put(Role.TEAM, client.issueToken("team-alpha", Role.TEAM, "[\"alpha\"]"));
        tokens.put(Role.STEERING, client.issueToken("steering", Role.STEERING, "[]"));
        tokens.put(Role.VIEWER, client.issueToken("viewer", Role.VIEWER, "[]"));
        viewerTokenId = JsonPath.<List<String>>read(client.get("/api/v1/admin/tokens", TestCredentials.ADMIN_TOKEN).body(),
                "$[?(@.name == 'viewer')].id").get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> !signalIds("beta", TestCredentials.ADMIN_TOKEN).isEmpty()
                && client.get(ALPHA + "/evaluations/e", TestCredentials.ADMIN_TOKEN).statusCode() == 200);
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        startCounting();
        for (Endpoint endpoint : endpoints()) {
            expect(endpoint, nextCall(endpoint), null, 401);
            expect(endpoint, nextCall(endpoint), "koers_" + "x".repeat(43), 401);
            expect(endpoint, nextCall(endpoint), "not-a-jwt", 401);
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(endpoint.allowed()))) {
                expect(endpoint, nextCall(endpoint), tokens.get(role), 403);
            }
            for (Role role : endpoint.allowed()) {
                HttpResponse<String> response = send(nextCall(endpoint), tokens.get(role));
                assertThat(response.statusCode()).as(endpoint.name() + " as " + role + ": " + response.body())
                        .isBetween(200, 299);
            }
        }
        awaitTheRebuild();
        System.out.println("Access matrix: " + tried + " requests, answered " + answered);
        assertThat(untried()).as("endpoints of the API the matrix did not try").isEmpty();
    }

    @Test
    void aTeamOfAlphaFindsNothingOfBeta() {
        startCounting();
        String team = tokens.get(Role.TEAM);
        for (Endpoint endpoint : endpoints()) {
            Call call = nextCall(endpoint);
            if (call.path().contains("alpha")) {
                Call onBeta = new Call(call.method(), call.path().replace("alpha", "beta"), call.body(), call.contentType());
                HttpResponse<String> response = send(onBeta, team);
                assertThat(response.statusCode()).as(endpoint.name() + " on beta: " + response.body()).isEqualTo(404);
                assertThat(response.body()).contains("There is no").doesNotContain("scope");
            }
        }
        System.out.println("Programme scope: " + tried + " requests about beta with alpha's TEAM token, answered " + answered);
        assertThat(JsonPath.<List<String>>read(client.get("/api/v1/programmes", team).body(), "$[*].id"))
                .containsExactly("alpha");
        assertThat(JsonPath.<List<String>>read(client.get("/api/v1/signals", team).body(), "$[*].subject.programmeId"))
                .isNotEmpty().containsOnly("alpha");
        assertThat(signalIds("beta", team)).isEmpty();
        assertThat(signalIds("beta", tokens.get(Role.VIEWER))).isNotEmpty();
        assertThat(JsonPath.<List<String>>read(client.get("/api/v1/programmes", tokens.get(Role.VIEWER)).body(), "$[*].id"))
                .contains("alpha", "beta");
    }

    private List<Endpoint> endpoints() {
        String signal = signalIds("alpha", TestCredentials.ADMIN_TOKEN).get(0);
        List<Endpoint> endpoints = new ArrayList<>();
        for (String read : List.of("/api/v1/programmes", ALPHA, ALPHA + "/kpis/k", ALPHA + "/kpis/k/readings/r1",
                ALPHA + "/milestones/m", ALPHA + "/evaluations/e", ALPHA + "/history",
                ALPHA + "/changes?from=2026-01-01T00:00:00Z&to=2030-01-01T00:00:00Z", ALPHA + "/report",
                ALPHA + "/follow-up", ALPHA + "?asOf=2030-01-01T00:00:00Z", "/api/v1/signals")) {
            endpoints.add(new Endpoint("GET " + read, EVERY_ROLE, n -> new Call("GET", read, NO_BODY)));
        }
        endpoints.add(new Endpoint("acknowledge a signal", STEERING, n -> post("/api/v1/signals/" + signal + "/acknowledgement",
                "{\"by\": \"Steering committee\", \"note\": \"seen\"}")));
        endpoints.add(new Endpoint("define a programme", OFFICE, n -> post("/api/v1/programmes", """
                {"id": "new-%d", "name": "N", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(n))));
        endpoints.add(new Endpoint("pause", OFFICE, n -> post(ALPHA + "/pause", "{\"reason\": \"summer\"}")));
        endpoints.add(new Endpoint("resume", OFFICE, n -> post(ALPHA + "/resume", "{\"reason\": \"autumn\"}")));
        endpoints.add(new Endpoint("define a KPI", OFFICE, n -> post(ALPHA + "/kpis", """
                {"id": "k-%d", "name": "K", "unit": "days", "direction": "LOWER_IS_BETTER", "baseline": 50,
                 "baselineDate": "2026-01-01", "target": 20, "targetDate": "2026-12-31", "tolerance": 3,
                 "cadence": "P1M"}""".formatted(n))));
        endpoints.add(new Endpoint("retarget", OFFICE, n -> post(ALPHA + "/kpis/k/retarget", """
                {"target": 9%d, "targetDate": "2026-12-31", "reason": "more ambition"}""".formatted(n))));
        endpoints.add(new Endpoint("record a reading", TEAM_OR_OFFICE, n -> post(ALPHA + "/kpis/k/readings", """
                {"value": 21, "measuredAt": "2026-02-02", "readingId": "r-%d"}""".formatted(n))));
        endpoints.add(new Endpoint("record readings from a CSV file", TEAM_OR_OFFICE, n -> new Call("POST", ALPHA + "/readings",
                "kpiId,readingId,measuredAt,value\nk,csv-%d,2026-02-04,23\n".formatted(n), "text/csv")));
        endpoints.add(new Endpoint("correct a reading", TEAM_OR_OFFICE, n -> post(ALPHA + "/kpis/k/readings/r1/correction", """
                {"value": %d, "reason": "typo"}""".formatted(n))));
        endpoints.add(new Endpoint("retract a reading", TEAM_OR_OFFICE, n -> {
            client.postAsAdmin(ALPHA + "/kpis/k/readings", """
                    {"value": 22, "measuredAt": "2026-02-03", "readingId": "x-%d"}""".formatted(n), 201);
            return post(ALPHA + "/kpis/k/readings/x-" + n + "/retraction", "{\"reason\": \"double\"}");
        }));
        endpoints.add(new Endpoint("plan a milestone", OFFICE, n -> post(ALPHA + "/milestones", """
                {"id": "m-%d", "title": "M", "dueDate": "2026-06-01"}""".formatted(n))));
        endpoints.add(new Endpoint("forecast a milestone", TEAM_OR_OFFICE, n -> post(ALPHA + "/milestones/m/forecast", """
                {"forecastDate": "2026-06-1%d", "reason": "supplier"}""".formatted(n % 10))));
        endpoints.add(new Endpoint("re-baseline a milestone", STEERING, n -> post(ALPHA + "/milestones/m/rebaseline", """
                {"dueDate": "2026-07-01", "reason": "intake first", "approvedBy": "Steering committee"}""")));
        endpoints.add(new Endpoint("achieve a milestone", OFFICE, n -> {
            plan("a-" + n);
            return post(ALPHA + "/milestones/a-" + n + "/achievement", "{\"achievedOn\": \"2026-05-01\"}");
        }));
        endpoints.add(new Endpoint("cancel a milestone", OFFICE, n -> {
            plan("c-" + n);
            return post(ALPHA + "/milestones/c-" + n + "/cancellation", "{\"reason\": \"not needed\"}");
        }));
        endpoints.add(new Endpoint("schedule an evaluation", OFFICE, n -> post(ALPHA + "/evaluations", """
                {"id": "e-%d", "title": "E", "scheduledFor": "2026-06-30"}""".formatted(n))));
        endpoints.add(new Endpoint("record an outcome", STEERING, n -> {
            client.postAsAdmin(ALPHA + "/evaluations", """
                    {"id": "o-%d", "title": "E", "scheduledFor": "2026-06-30"}""".formatted(n), 201);
            return post(ALPHA + "/evaluations/o-" + n + "/outcome", """
                    {"heldOn": "2026-06-30", "deliveryConfidence": "AMBER", "decision": "CONTINUE", "summary": "On course"}""");
        }));
        endpoints.add(new Endpoint("close", OFFICE, n -> post(ALPHA + "/close", "{\"reason\": \"done\"}")));
        endpoints.add(new Endpoint("list tokens", OFFICE, n -> new Call("GET", "/api/v1/admin/tokens", NO_BODY)));
        endpoints.add(new Endpoint("show a token", OFFICE, n -> new Call("GET", "/api/v1/admin/tokens/" + viewerTokenId, NO_BODY)));
        endpoints.add(new Endpoint("issue a token", OFFICE, n -> post("/api/v1/admin/tokens", """
                {"name": "script-%d", "roles": ["TEAM"], "programmes": ["alpha"]}""".formatted(n))));
        endpoints.add(new Endpoint("revoke a token", OFFICE, n -> {
            String id = JsonPath.read(client.postAsAdmin("/api/v1/admin/tokens", """
                    {"name": "to-revoke-%d", "roles": ["VIEWER"]}""".formatted(n), 201).body(), "$.id");
            return new Call("DELETE", "/api/v1/admin/tokens/" + id, NO_BODY);
        }));
        endpoints.add(new Endpoint("rebuild progress", OFFICE, n -> new Call("GET", "/api/v1/admin/rebuild", NO_BODY)));
        endpoints.add(new Endpoint("rebuild", OFFICE, n -> post("/api/v1/admin/rebuild", "{}")));
        String subscription = subscription();
        endpoints.add(new Endpoint("list subscriptions", OFFICE, n -> new Call("GET", "/api/v1/subscriptions", NO_BODY)));
        endpoints.add(new Endpoint("show a subscription", OFFICE,
                n -> new Call("GET", "/api/v1/subscriptions/" + subscription, NO_BODY)));
        endpoints.add(new Endpoint("a subscription's deliveries", OFFICE,
                n -> new Call("GET", "/api/v1/subscriptions/" + subscription + "/deliveries", NO_BODY)));
        endpoints.add(new Endpoint("subscribe", OFFICE, n -> post("/api/v1/subscriptions", SUBSCRIPTION)));
        endpoints.add(new Endpoint("unsubscribe", OFFICE, n -> new Call("DELETE", "/api/v1/subscriptions/" + subscription(), NO_BODY)));
        endpoints.add(new Endpoint("export the portfolio", EVERY_ROLE,
                n -> new Call("GET", "/api/v1/portfolio?format=yaml", NO_BODY)));
        endpoints.add(new Endpoint("the portfolio workbook template", EVERY_ROLE,
                n -> new Call("GET", "/api/v1/portfolio/template.xlsx", NO_BODY)));
        endpoints.add(new Endpoint("plan a portfolio document", OFFICE,
                n -> new Call("POST", "/api/v1/portfolio/plan", "programmes: []\n", "application/yaml")));
        endpoints.add(new Endpoint("apply a portfolio document", OFFICE,
                n -> new Call("POST", "/api/v1/portfolio/apply", "programmes: []\n", "application/yaml")));
        return endpoints;
    }

    /** The API's endpoints (method and path pattern) that no request sent so far matched. */
    private List<String> untried() {
        List<String> untried = new ArrayList<>();
        handlers.getHandlerMethods().keySet().forEach(mapping -> mapping.getPathPatternsCondition().getPatterns().stream()
                .filter(pattern -> pattern.getPatternString().startsWith("/api/v1"))
                .forEach(pattern -> mapping.getMethodsCondition().getMethods().forEach(method -> {
                    if (sent.stream().noneMatch(call -> call.method().equals(method.name())
                            && pattern.matches(PathContainer.parsePath(call.path().replaceAll("\\?.*", ""))))) {
                        untried.add(method + " " + pattern.getPatternString());
                    }
                })));
        return untried;
    }

    private void startCounting() {
        tried = 0;
        answered.clear();
    }

    private Call nextCall(Endpoint endpoint) {
        return endpoint.call().apply(++calls);
    }

    private void expect(Endpoint endpoint, Call call, String token, int status) {
        HttpResponse<String> response = send(call, token);
        assertThat(response.statusCode()).as(endpoint.name() + " with " + token + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> send(Call call, String token) {
        tried++;
        sent.add(call);
        HttpResponse<String> response = switch (call.method()) {
            case "GET" -> client.get(call.path(), token);
            case "POST" -> client.post(call.path(), token, call.body(), call.contentType());
            default -> client.delete(call.path(), token);
        };
        answered.merge(response.statusCode(), 1, Integer::sum);
        return response;
    }

    private static Call post(String path, String json) {
        return new Call("POST", path, json);
    }

    /** A subscription made by the admin, to a target reserved for documentation (TEST-NET-1) that hears of nothing. */
    private String subscription() {
        return JsonPath.read(client.postAsAdmin("/api/v1/subscriptions", SUBSCRIPTION, 201).body(), "$.id");
    }

    private void plan(String milestone) {
        client.postAsAdmin(ALPHA + "/milestones", """
                {"id": "%s", "title": "M", "dueDate": "2026-06-01"}""".formatted(milestone), 201);
    }

    private List<String> signalIds(String programme, String token) {
        return JsonPath.read(client.get("/api/v1/signals?programme=" + programme, token).body(), "$[*].id");
    }

    private void awaitTheRebuild() {
        await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<String>read(
                client.get("/api/v1/admin/rebuild", TestCredentials.ADMIN_TOKEN).body(), "$.state").equals("DONE"));
    }
}

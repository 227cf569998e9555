package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import nl.koers.app.KoersApplication;
import nl.koers.app.OwnDatabaseInitializer;
import nl.koers.app.TestCredentials;
import nl.koers.app.observability.Repository;
import nl.koers.app.signals.SignalSweep;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Signal events reach a real HTTP receiver on loopback, signed per the Standard Webhooks specification: every kind,
 * only what the filters let through, in order and with the same {@code webhook-id} across retries while the receiver
 * is away, never again after {@code 410 Gone}, and nothing when the projections are rebuilt. Private targets are allowed
 * here (the receiver is on loopback) and retries are quick.
 */
@SpringBootTest(classes = KoersApplication.class, properties = {"koers.signals.sweep-initial-delay=PT1H",
        "koers.webhooks.allow-private-targets=true", "koers.webhooks.poll-interval=PT0.05S",
        "koers.webhooks.read-timeout=PT2S", "koers.webhooks.retry.initial-backoff=PT0.1S",
        "koers.webhooks.retry.max-backoff=PT0.4S"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OwnDatabaseInitializer.class)
@Import(TestCredentials.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignalSweep sweep;

    private Receiver receiver;

    @BeforeAll
    void startTheReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void everyKindOfSignalEventIsDeliveredSignedWithTheSignalAsGetSignalsShowsIt() throws Exception {
        programme("alpha", "Digital permits");
        Subscribed subscription = subscribe("/alpha", """
                {"url": "%s", "programmes": ["alpha"], "minSeverity": "INFO", "types": ["KPI_OFF_PLAN"],
                 "description": "programme office"}""");

        offPlanStory("alpha");

        List<Receiver.Request> received = awaitRequests("/alpha", 5);
        assertThat(received).extracting(request -> JsonPath.<String>read(request.body(), "$.type")).containsExactly(
                "signal.raised", "signal.escalated", "signal.deescalated", "signal.acknowledged", "signal.cleared");
        assertThat(received).extracting(request -> JsonPath.<String>read(request.body(), "$.data.severity"))
                .containsExactly("WARNING", "CRITICAL", "WARNING", "WARNING", "WARNING");
        assertThat(received).extracting(request -> JsonPath.<String>read(request.body(), "$.data.state"))
                .containsExactly("OPEN", "OPEN", "OPEN", "ACKNOWLEDGED", "CLEARED");
        for (Receiver.Request request : received) {
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.webhookId()).startsWith("msg_");
            assertThat(Long.parseLong(request.timestamp())).isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));
            assertThat(request.signature()).isEqualTo(expectedSignature(subscription.secret(), request));
            assertThat(JsonPath.<String>read(request.body(), "$.data.programmeName")).isEqualTo("Digital permits");
            assertThat(JsonPath.<String>read(request.body(), "$.data.subject.programmeId")).isEqualTo("alpha");
        }
        assertThat(received).extracting(Receiver.Request::webhookId).doesNotHaveDuplicates();

        // the data is the signal as GET /signals shows it (once the projection has it), plus the programme's name
        Map<String, Object> cleared = JsonPath.read(received.get(4).body(), "$.data");
        cleared.remove("programmeName");
        String signalId = (String) cleared.get("id");
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(JsonPath.<List<Map<String, Object>>>read(
                body(get("/api/v1/signals").param("programme", "alpha").param("type", "KPI_OFF_PLAN")), "$[?(@.id == '" + signalId + "')]"))
                .containsExactly(cleared));

        String log = body(get("/api/v1/subscriptions/" + subscription.id() + "/deliveries"));
        assertThat(JsonPath.<List<String>>read(log, "$[*].outcome")).containsOnly("DELIVERED").hasSize(5);
        assertThat(JsonPath.<List<String>>read(log, "$[*].event")).containsExactly("signal.cleared",
                "signal.acknowledged", "signal.deescalated", "signal.escalated", "signal.raised");
        assertThat(JsonPath.<List<Integer>>read(log, "$[*].status")).containsOnly(200);
        assertThat(JsonPath.<String>read(body(get("/api/v1/subscriptions/" + subscription.id())), "$.lastDeliveredAt")).isNotNull();
    }

    @Test
    void onlyWhatTheFiltersLetThroughIsDelivered() throws Exception {
        subscribe("/every-critical", """
                {"url": "%s", "minSeverity": "CRITICAL"}""");
        subscribe("/levers", """
                {"url": "%s", "minSeverity": "INFO", "types": ["LEVER_UNMEASURED"]}""");
        programme("beta", "Beta");
        programme("gamma", "Gamma");
        subscribe("/beta-critical", """
                {"url": "%s", "programmes": ["beta"], "minSeverity": "CRITICAL"}""");

        reading("beta", "r1", "2026-03-01", 56);    // AMBER: a WARNING, below the minimum
        reading("beta", "r2", "2026-03-02", 60);    // RED: escalated to CRITICAL
        reading("gamma", "r1", "2026-03-01", 60);   // RED in another programme: raised CRITICAL
        sweep.sweep();                              // LEVER_UNMEASURED (INFO), stale KPIs and overdue evaluations (WARNING)

        List<Receiver.Request> betaCritical = awaitRequests("/beta-critical", 1);
        assertThat(JsonPath.<String>read(betaCritical.get(0).body(), "$.type")).isEqualTo("signal.escalated");
        assertThat(JsonPath.<String>read(betaCritical.get(0).body(), "$.data.subject.programmeId")).isEqualTo("beta");
        // other tests' programmes may be heard of too: these filters cover every programme
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(receiver.requests("/levers")).extracting(
                request -> JsonPath.<String>read(request.body(), "$.data.subject.programmeId")).contains("beta", "gamma"));
        assertThat(receiver.requests("/levers")).extracting(request -> JsonPath.<String>read(request.body(), "$.data.type"))
                .containsOnly("LEVER_UNMEASURED");
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(receiver.requests("/every-critical")).extracting(
                        request -> JsonPath.<String>read(request.body(), "$.data.subject.programmeId")
                                + " " + JsonPath.<String>read(request.body(), "$.type"))
                .contains("beta signal.escalated", "gamma signal.raised"));
        assertThat(receiver.requests("/every-critical")).extracting(request -> JsonPath.<String>read(request.body(), "$.data.severity"))
                .containsOnly("CRITICAL");
        Thread.sleep(500);
        assertThat(receiver.requests("/beta-critical")).hasSize(1);
    }

    @Test
    void aReceiverAwayGetsEveryEventOnceItIsBackInOrderWithTheSameWebhookIds() throws Exception {
        programme("delta", "Delta");
        Subscribed subscription = subscribe("/delta", """
                {"url": "%s", "programmes": ["delta"], "types": ["KPI_OFF_PLAN"]}""");
        receiver.answer("/delta", Receiver.DOWN);
        reading("delta", "r1", "2026-03-01", 56);
        reading("delta", "r2", "2026-03-02", 60);
        reading("delta", "r3", "2026-03-03", 56);
        awaitRequests("/delta", 3);    // three attempts of the first event, none of the others
        receiver.answer("/delta", 503);
        awaitRequests("/delta", 5);
        receiver.answer("/delta", 200);

        await().atMost(DELIVERY).until(() -> JsonPath.<List<String>>read(
                body(get("/api/v1/subscriptions/" + subscription.id() + "/deliveries")), "$[?(@.outcome == 'DELIVERED')]").size() == 3);
        List<Receiver.Request> attempts = receiver.requests("/delta");
        List<String> ids = attempts.stream().map(Receiver.Request::webhookId).distinct().toList();
        assertThat(ids).hasSize(3);
        // the first event was tried again and again, with one id, before the second was sent at all
        assertThat(attempts.subList(0, 5)).extracting(Receiver.Request::webhookId).containsOnly(ids.get(0));
        assertThat(attempts.subList(0, 5)).extracting(Receiver.Request::body).containsOnly(attempts.get(0).body());
        assertThat(attempts.stream().filter(request -> !request.webhookId().equals(ids.get(0))))
                .extracting(request -> JsonPath.<String>read(request.body(), "$.type"))
                .containsExactly("signal.escalated", "signal.deescalated");
        for (Receiver.Request attempt : attempts) {
            assertThat(attempt.signature()).isEqualTo(expectedSignature(subscription.secret(), attempt));
        }
        String log = body(get("/api/v1/subscriptions/" + subscription.id() + "/deliveries"));
        List<Map<String, Object>> first = JsonPath.read(log, "$[?(@.webhookId == '" + ids.get(0) + "')]");
        assertThat(first).extracting(attempt -> attempt.get("outcome")).startsWith("DELIVERED").contains("RETRYING");
        assertThat(first).extracting(attempt -> attempt.get("status")).contains(200, 503).containsNull();
        assertThat(first).extracting(attempt -> attempt.get("attempt")).first().isEqualTo(first.size());
        assertThat(JsonPath.<Object>read(body(get("/api/v1/subscriptions/" + subscription.id())), "$.failingSince")).isNull();
    }

    @Test
    void aReceiverThatAnswersGoneDisablesItsSubscription() throws Exception {
        programme("epsilon", "Epsilon");
        Subscribed subscription = subscribe("/gone", """
                {"url": "%s", "programmes": ["epsilon"], "types": ["KPI_OFF_PLAN"]}""");
        receiver.answer("/gone", 410);
        reading("epsilon", "r1", "2026-03-01", 56);
        await().atMost(DELIVERY).until(() -> JsonPath.<String>read(
                body(get("/api/v1/subscriptions/" + subscription.id())), "$.state").equals("DISABLED"));
        reading("epsilon", "r2", "2026-03-02", 60);
        Thread.sleep(1_000);
        assertThat(receiver.requests("/gone")).hasSize(1);
        String log = body(get("/api/v1/subscriptions/" + subscription.id() + "/deliveries"));
        assertThat(JsonPath.<List<String>>read(log, "$[*].outcome")).containsExactly("FAILED");
        assertThat(JsonPath.<List<Integer>>read(log, "$[*].status")).containsExactly(410);
    }

    @Test
    void aRebuildOfTheProjectionsDeliversNothing() throws Exception {
        programme("zeta", "Zeta");
        subscribe("/rebuild", """
                {"url": "%s", "minSeverity": "INFO"}""");
        offPlanStory("zeta");
        awaitRequests("/rebuild", 5);
        Thread.sleep(500);
        int before = receiver.requests("/rebuild").size();

        http.perform(post("/api/v1/admin/rebuild")).andReturn();
        await().atMost(Duration.ofSeconds(30)).until(() -> body(get("/api/v1/admin/rebuild")).contains("\"DONE\""));
        Thread.sleep(1_500);

        assertThat(receiver.requests("/rebuild")).hasSize(before);
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Integer.class).single()).isZero();
    }

    @Test
    void slackAndTeamsSubscriptionsGetTheirChatMessages() throws Exception {
        programme("eta", "Eta");
        subscribe("/slack", """
                {"url": "%s", "programmes": ["eta"], "types": ["KPI_OFF_PLAN"], "format": "SLACK"}""");
        subscribe("/teams", """
                {"url": "%s", "programmes": ["eta"], "types": ["KPI_OFF_PLAN"], "format": "TEAMS"}""");
        reading("eta", "r1", "2026-03-01", 60);
        String slack = awaitRequests("/slack", 1).get(0).body();
        String teams = awaitRequests("/teams", 1).get(0).body();
        assertThat(JsonPath.<String>read(slack, "$.text")).startsWith("CRITICAL signal KPI_OFF_PLAN raised in Eta: ");
        assertThat(JsonPath.<String>read(slack, "$.attachments[0].color")).isEqualTo("#d92d20");
        assertThat(JsonPath.<String>read(teams, "$.attachments[0].content.type")).isEqualTo("AdaptiveCard");
        assertThat(JsonPath.<String>read(teams, "$.attachments[0].content.actions[0].url"))
                .isEqualTo("http://localhost:8080/api/v1/programmes/eta/report");
    }

    @Test
    void theReadmesVerificationSnippetAcceptsADeliveryAndRefusesATamperedOne() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "python3 is not installed");
        programme("theta", "Theta");
        Subscribed subscription = subscribe("/readme", """
                {"url": "%s", "programmes": ["theta"], "types": ["KPI_OFF_PLAN"]}""");
        reading("theta", "r1", "2026-03-01", 60);
        Receiver.Request delivered = awaitRequests("/readme", 1).get(0);

        Matcher snippet = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Repository.file("README.md")));
        assertThat(snippet.find()).isTrue();
        Path script = Files.createTempFile("verify", ".py");
        Files.writeString(script, snippet.group(1) + """
                import json, sys
                request = json.load(open(sys.argv[1]))
                headers = {"webhook-id": request["webhookId"], "webhook-timestamp": request["timestamp"],
                           "webhook-signature": request["signature"]}
                body = request["body"].encode()
                print(verify(request["secret"], headers, body), verify(request["secret"], headers, body.replace(b"CRITICAL", b"INFO")))
                """);
        Path request = Files.createTempFile("request", ".json");
        Files.writeString(request, new ObjectMapper().writeValueAsString(Map.of("webhookId", delivered.webhookId(),
                "timestamp", delivered.timestamp(), "signature", delivered.signature(), "body", delivered.body(),
                "secret", subscription.secret())));
        Process run = new ProcessBuilder(python.toString(), script.toString(), request.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(run.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo("True False");
    }

    /** The Standard Webhooks signature, computed here from the specification rather than by the service's code. */
    static String expectedSignature(String secret, Receiver.Request request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = mac.doFinal((request.webhookId() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    /** A KPI_OFF_PLAN signal raised (WARNING), escalated, de-escalated, acknowledged and cleared. */
    private void offPlanStory(String programme) throws Exception {
        reading(programme, "r1", "2026-03-01", 56);   // plan 51.46, tolerance 3: AMBER
        reading(programme, "r2", "2026-03-02", 60);   // RED
        reading(programme, "r3", "2026-03-03", 56);   // AMBER
        String signalId = await().atMost(DELIVERY).until(() -> JsonPath.<List<String>>read(body(get("/api/v1/signals")
                        .param("programme", programme).param("type", "KPI_OFF_PLAN").param("state", "OPEN")), "$[*].id"),
                ids -> ids.size() == 1).get(0);
        expectSuccess(post("/api/v1/signals/" + signalId + "/acknowledgement"), """
                {"by": "Steering committee", "note": "Second intake team from April"}""");
        reading(programme, "r4", "2026-03-04", 50);   // GREEN: cleared
    }

    private record Subscribed(String id, String secret) {
    }

    private Subscribed subscribe(String path, String json) throws Exception {
        String created = expectSuccess(post("/api/v1/subscriptions"), json.formatted(receiver.url(path)));
        String secret = JsonPath.read(created, "$.secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        return new Subscribed(JsonPath.read(created, "$.id"), secret);
    }

    private void programme(String id, String name) throws Exception {
        expectSuccess(post("/api/v1/programmes"), """
                {"id": "%s", "name": "%s", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(id, name));
        expectSuccess(post("/api/v1/programmes/" + id + "/kpis"), """
                {"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                 "baseline": 56, "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31",
                 "tolerance": 3, "cadence": "P1W", "lever": "PROCESS"}""");
    }

    private void reading(String programme, String readingId, String measuredAt, double value) throws Exception {
        expectSuccess(post("/api/v1/programmes/" + programme + "/kpis/lead-time/readings"), """
                {"value": %s, "measuredAt": "%s", "readingId": "%s"}""".formatted(value, measuredAt, readingId));
    }

    private List<Receiver.Request> awaitRequests(String path, int count) {
        return await().atMost(DELIVERY).until(() -> receiver.requests(path), requests -> requests.size() >= count);
    }

    private String expectSuccess(MockHttpServletRequestBuilder request, String json) throws Exception {
        MvcResult result = http.perform(request.contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 299);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = http.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

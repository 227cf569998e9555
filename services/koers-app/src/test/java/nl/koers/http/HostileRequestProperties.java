package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile requests to every endpoint of the running service over real HTTP: malformed ids in the path, malformed
 * query parameters (asOf and the other instants, enums, huge numbers), and bodies that are deeply nested, huge,
 * absurdly large or long numbers, not UTF-8 or of another media type. None is answered with a 5xx, and none stores anything.
 * The number of tries is jqwik's default ({@code jqwik.tries.default} in junit-platform.properties, or as a system
 * property: {@code -Djqwik.tries.default=5000}).
 */
class HostileRequestProperties {

    private static final String P = "/api/v1/programmes/fuzz";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, String> EXISTING = Map.of(
            "pid", "fuzz", "kid", "k", "rid", "r1", "mid", "m", "eid", "e", "sid", "00000000-0000-0000-0000-000000000000");
    private static final Map<Integer, AtomicLong> STATUSES = new ConcurrentHashMap<>();

    private static RunningService service;
    private static JdbcClient jdbc;

    /** An endpoint: its method, its path with {placeholders}, and its query parameters. */
    record Endpoint(String method, String path, List<String> query) {
    }

    record Attempt(String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + contentType + " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/programmes", List.of("asOf")),
            new Endpoint("POST", "/api/v1/programmes", List.of()),
            new Endpoint("GET", "/api/v1/programmes/{pid}", List.of("asOf")),
            new Endpoint("POST", "/api/v1/programmes/{pid}/pause", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/resume", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/close", List.of()),
            new Endpoint("GET", "/api/v1/programmes/{pid}/follow-up", List.of("asOf")),
            new Endpoint("GET", "/api/v1/programmes/{pid}/report", List.of("asOf", "since")),
            new Endpoint("GET", "/api/v1/programmes/{pid}/history", List.of("from", "to")),
            new Endpoint("GET", "/api/v1/programmes/{pid}/changes", List.of("from", "to")),
            new Endpoint("POST", "/api/v1/programmes/{pid}/kpis", List.of()),
            new Endpoint("GET", "/api/v1/programmes/{pid}/kpis/{kid}", List.of("asOf")),
            new Endpoint("POST", "/api/v1/programmes/{pid}/kpis/{kid}/retarget", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/kpis/{kid}/readings", List.of()),
            new Endpoint("GET", "/api/v1/programmes/{pid}/kpis/{kid}/readings/{rid}", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/kpis/{kid}/readings/{rid}/correction", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/kpis/{kid}/readings/{rid}/retraction", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/milestones", List.of()),
            new Endpoint("GET", "/api/v1/programmes/{pid}/milestones/{mid}", List.of("asOf")),
            new Endpoint("POST", "/api/v1/programmes/{pid}/milestones/{mid}/forecast", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/milestones/{mid}/rebaseline", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/milestones/{mid}/achievement", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/milestones/{mid}/cancellation", List.of()),
            new Endpoint("POST", "/api/v1/programmes/{pid}/evaluations", List.of()),
            new Endpoint("GET", "/api/v1/programmes/{pid}/evaluations/{eid}", List.of("asOf")),
            new Endpoint("POST", "/api/v1/programmes/{pid}/evaluations/{eid}/outcome", List.of()),
            new Endpoint("GET", "/api/v1/signals", List.of("programme", "state", "severity", "type", "asOf")),
            new Endpoint("POST", "/api/v1/signals/{sid}/acknowledgement", List.of()),
            new Endpoint("GET", "/api/v1/admin/rebuild", List.of()));

    @BeforeContainer
    static void startTheService() throws Exception {
        service = RunningService.onDatabase(TestDatabase.newDatabase());
        jdbc = service.bean(JdbcClient.class);
        service.post("/api/v1/programmes", """
                {"id": "fuzz", "name": "N", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""", 201);
        service.post(P + "/kpis", """
                {"id": "k", "name": "K", "unit": "days", "direction": "LOWER_IS_BETTER", "baseline": 56,
                 "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31", "tolerance": 3, "cadence": "P1W"}""", 201);
        service.post(P + "/kpis/k/readings", "{\"value\": 50, \"measuredAt\": \"2026-02-01\", \"readingId\": \"r1\"}", 201);
        service.post(P + "/milestones", "{\"id\": \"m\", \"title\": \"M\", \"dueDate\": \"2026-06-01\"}", 201);
        service.post(P + "/evaluations", "{\"id\": \"e\", \"title\": \"E\", \"scheduledFor\": \"2026-03-31\"}", 201);
    }

    @AfterContainer
    static void stopTheService() {
        System.out.println("Hostile requests answered, by status: " + new TreeMap<>(STATUSES));
        service.close();
    }

    @Property
    void aHostileRequestIsNeverA5xxAndStoresNothing(@ForAll("hostileRequests") Attempt attempt) throws Exception {
        long before = events();
        HttpResponse<String> response = service.send(attempt.method(), attempt.path(), attempt.contentType(), attempt.body());
        STATUSES.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        assertThat(events()).isEqualTo(before);
    }

    /**
     * A POST always has a hostile body (so it can never be a valid command), and maybe hostile path ids too; a GET has
     * hostile query parameters when it takes any, and maybe hostile path ids.
     */
    @Provide
    Arbitrary<Attempt> hostileRequests() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> Combinators.combine(
                        path(endpoint.path()), query(endpoint.query()), body(endpoint.method()))
                .as((path, query, body) -> new Attempt(endpoint.method(), path + query,
                        body.contentType(), body.bytes())));
    }

    private record Body(String contentType, byte[] bytes) {
    }

    private static Arbitrary<String> path(String template) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        List<String> names = new ArrayList<>();
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        if (names.isEmpty()) {
            return Arbitraries.just(template);
        }
        return Combinators.combine(names.stream()
                        .map(name -> Arbitraries.oneOf(Arbitraries.just(EXISTING.get(name)), hostileSegment()))
                        .toList())
                .as(segments -> {
                    String path = template;
                    for (int i = 0; i < names.size(); i++) {
                        path = path.replace("{" + names.get(i) + "}", segments.get(i));
                    }
                    return path;
                });
    }

    /** A path segment that is no valid id: odd characters, too long, dots, encoded slashes, bytes that are not UTF-8. */
    private static Arbitrary<String> hostileSegment() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80).map(HostileRequestProperties::encoded),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(300),
                Arbitraries.of("%FF%FE", "%C3%28", "%ED%A0%80", "%00", "%2F", "%2e%2e", "..", ".", "%20", "UPPER",
                        "-leading-dash", "a;b=c", "%25"));
    }

    private static Arbitrary<String> query(List<String> names) {
        if (names.isEmpty()) {
            return Arbitraries.just("");
        }
        return Arbitraries.subsetOf(names).ofMinSize(1).flatMap(chosen -> hostileValue().list().ofSize(chosen.size())
                .map(values -> {
                    List<String> ordered = chosen.stream().sorted().toList();
                    StringBuilder query = new StringBuilder();
                    for (int i = 0; i < ordered.size(); i++) {
                        query.append(i == 0 ? "?" : "&").append(ordered.get(i)).append('=').append(values.get(i));
                    }
                    return query.toString();
                }));
    }

    /** A query parameter value no parameter accepts: malformed or absurd instants, numbers, words, bad bytes. */
    private static Arbitrary<String> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(HostileRequestProperties::encoded),
                Arbitraries.of("yesterday", "2026-13-01T00:00:00Z", "2026-02-30", "2026-03-01T25:00:00Z",
                        "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0", "-1", "1e400", "NaN",
                        "9".repeat(400), "2026-03-01T09:30:00%2B99:00", "%FF%FE", "%C3%28", "", "red", "OPEN%00"));
    }

    /** No body for a GET; for a POST always a body no endpoint accepts. */
    private static Arbitrary<Body> body(String method) {
        if (method.equals("GET")) {
            return Arbitraries.just(new Body(null, null));
        }
        Arbitrary<Body> json = Arbitraries.oneOf(
                Arbitraries.integers().between(1_001, 100_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1_001, 20_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.integers().between(1, 2).map(megabytes -> "\"" + "x".repeat(megabytes << 20) + "\""),
                Arbitraries.of("1e999999999", "-1e999999999", "1e-999999999", "9".repeat(5_000), "0." + "0".repeat(5_000) + "1")
                        .map(HostileRequestProperties::withAbsurdNumbers),
                // not empty: no body at all is a valid pause, resume or close (their reason is optional)
                Arbitraries.strings().ofMinLength(1).ofMaxLength(200).filter(text -> !text.startsWith("{")))
                .map(text -> new Body("application/json", text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Body> notUtf8 = Arbitraries.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})
                .map(bad -> {
                    byte[] start = "{\"value\": 1, \"measuredAt\": \"2026-02-01\", \"readingId\": \"".getBytes(StandardCharsets.UTF_8);
                    byte[] end = "\", \"id\": \"x\", \"reason\": \"".getBytes(StandardCharsets.UTF_8);
                    byte[] body = Arrays.copyOf(start, start.length + bad.length + end.length + bad.length + 2);
                    System.arraycopy(bad, 0, body, start.length, bad.length);
                    System.arraycopy(end, 0, body, start.length + bad.length, end.length);
                    System.arraycopy(bad, 0, body, start.length + bad.length + end.length, bad.length);
                    body[body.length - 2] = '"';
                    body[body.length - 1] = '}';
                    return new Body("application/json", body);
                });
        Arbitrary<Body> otherMediaType = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                .map(type -> new Body(type, "{\"value\": 1}".getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.frequencyOf(Tuple.of(6, json), Tuple.of(2, notUtf8), Tuple.of(1, otherMediaType));
    }

    /**
     * A body that would be a valid reading or KPI but for the absurd number in each of its numbers, so the number
     * meets the validation; the reason in a list makes it refused by the endpoints without numbers too.
     */
    private static String withAbsurdNumbers(String number) {
        return """
                {"id": "absurd", "name": "N", "unit": "u", "direction": "HIGHER_IS_BETTER", "value": %1$s,
                 "baseline": %1$s, "baselineDate": "2026-01-01", "target": %1$s, "targetDate": "2026-12-31",
                 "tolerance": %1$s, "cadence": "P1W", "measuredAt": "2026-03-01", "readingId": "absurd",
                 "reason": [%1$s]}""".formatted(number);
    }

    /** Percent-encodes every byte of the text's UTF-8 but the URI's unreserved characters. */
    private static String encoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}

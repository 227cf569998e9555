package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated bad bodies thrown at every POST endpoint of the running service over real HTTP: each is answered
 * with a 4xx problem, never a 5xx, and stores nothing.
 */
class BadBodyProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningService service;
    private static JdbcClient jdbc;

    enum Kind { TEXT, ID, NUMBER, DATE, INSTANT, ENUM, LIST }

    record Field(String name, Kind kind, Object valid) {
    }

    record Endpoint(String path, List<Field> required, List<Field> optional) {
    }

    record Attempt(Endpoint endpoint, String body) {
        @Override
        public String toString() {
            return "POST " + endpoint.path() + " " + body;
        }
    }

    private static final String P = "/api/v1/programmes/bad-bodies";

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/v1/programmes", List.of(
                    new Field("id", Kind.ID, "fresh-programme"), new Field("name", Kind.TEXT, "Name"),
                    new Field("startDate", Kind.DATE, "2026-01-01"), new Field("plannedEndDate", Kind.DATE, "2027-01-01")),
                    List.of(new Field("objectives", Kind.LIST, List.of()))),
            new Endpoint(P + "/pause", List.of(), List.of(new Field("reason", Kind.TEXT, "r"))),
            new Endpoint(P + "/kpis", List.of(
                    new Field("id", Kind.ID, "fresh-kpi"), new Field("name", Kind.TEXT, "Adoption"),
                    new Field("unit", Kind.TEXT, "%"), new Field("direction", Kind.ENUM, "HIGHER_IS_BETTER"),
                    new Field("baseline", Kind.NUMBER, 10), new Field("baselineDate", Kind.DATE, "2026-01-01"),
                    new Field("target", Kind.NUMBER, 80), new Field("targetDate", Kind.DATE, "2026-12-31"),
                    new Field("tolerance", Kind.NUMBER, 5), new Field("cadence", Kind.TEXT, "P1W")),
                    List.of(new Field("lever", Kind.ENUM, "STORY"))),
            new Endpoint(P + "/kpis/lead-time/retarget", List.of(
                    new Field("target", Kind.NUMBER, 21), new Field("targetDate", Kind.DATE, "2027-06-30"),
                    new Field("reason", Kind.TEXT, "r")), List.of(new Field("tolerance", Kind.NUMBER, 2))),
            new Endpoint(P + "/kpis/lead-time/readings", List.of(
                    new Field("value", Kind.NUMBER, 40), new Field("measuredAt", Kind.INSTANT, "2026-03-01"),
                    new Field("readingId", Kind.ID, "fresh-reading")), List.of(new Field("source", Kind.TEXT, "s"))),
            new Endpoint(P + "/kpis/lead-time/readings/existing/correction", List.of(
                    new Field("value", Kind.NUMBER, 41), new Field("reason", Kind.TEXT, "r")), List.of()),
            new Endpoint(P + "/kpis/lead-time/readings/existing/retraction", List.of(new Field("reason", Kind.TEXT, "r")), List.of()),
            new Endpoint(P + "/milestones", List.of(new Field("id", Kind.ID, "fresh-milestone"),
                    new Field("title", Kind.TEXT, "T"), new Field("dueDate", Kind.DATE, "2026-06-01")), List.of()),
            new Endpoint(P + "/milestones/pilot/forecast", List.of(new Field("forecastDate", Kind.DATE, "2026-07-01")),
                    List.of(new Field("reason", Kind.TEXT, "r"))),
            new Endpoint(P + "/milestones/pilot/rebaseline", List.of(new Field("dueDate", Kind.DATE, "2026-07-01"),
                    new Field("reason", Kind.TEXT, "r"), new Field("approvedBy", Kind.TEXT, "SC")), List.of()),
            new Endpoint(P + "/milestones/pilot/achievement", List.of(new Field("achievedOn", Kind.DATE, "2026-05-01")), List.of()),
            new Endpoint(P + "/milestones/pilot/cancellation", List.of(new Field("reason", Kind.TEXT, "r")), List.of()),
            new Endpoint(P + "/evaluations", List.of(new Field("id", Kind.ID, "fresh-evaluation"),
                    new Field("title", Kind.TEXT, "T"), new Field("scheduledFor", Kind.DATE, "2026-06-01")), List.of()),
            new Endpoint(P + "/evaluations/q1/outcome", List.of(new Field("heldOn", Kind.DATE, "2026-03-31"),
                    new Field("deliveryConfidence", Kind.ENUM, "AMBER"), new Field("decision", Kind.ENUM, "ADJUST"),
                    new Field("summary", Kind.TEXT, "s")), List.of(new Field("actions", Kind.LIST, List.of()))));

    @BeforeContainer
    static void startTheService() throws Exception {
        service = RunningService.onDatabase(TestDatabase.newDatabase());
        jdbc = service.bean(JdbcClient.class);
        service.post("/api/v1/programmes", """
                {"id": "bad-bodies", "name": "N", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""", 201);
        service.post(P + "/kpis", """
                {"id": "lead-time", "name": "Lead time", "unit": "days", "direction": "LOWER_IS_BETTER", "baseline": 56,
                 "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31", "tolerance": 3, "cadence": "P1W"}""", 201);
        service.post(P + "/kpis/lead-time/readings",
                "{\"value\": 50, \"measuredAt\": \"2026-02-01\", \"readingId\": \"existing\"}", 201);
        service.post(P + "/milestones", "{\"id\": \"pilot\", \"title\": \"Pilot\", \"dueDate\": \"2026-06-01\"}", 201);
        service.post(P + "/evaluations", "{\"id\": \"q1\", \"title\": \"Q1\", \"scheduledFor\": \"2026-03-31\"}", 201);
    }

    @AfterContainer
    static void stopTheService() {
        service.close();
    }

    @Property(tries = 400)
    void aBadBodyIsRefusedWithA4xxAndStoresNothing(@ForAll("badAttempts") Attempt attempt) throws Exception {
        long before = events();
        HttpResponse<String> response = service.post(attempt.endpoint().path(), attempt.body());
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }

    @Provide
    Arbitrary<Attempt> badAttempts() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> Arbitraries.oneOf(
                notAnObject().map(body -> new Attempt(endpoint, body)),
                optionalFieldOfTheWrongType(endpoint),
                requiredFieldMissingOrWrong(endpoint)));
    }

    private static Arbitrary<Attempt> optionalFieldOfTheWrongType(Endpoint endpoint) {
        if (endpoint.optional().isEmpty()) {
            return requiredFieldMissingOrWrong(endpoint);
        }
        return Arbitraries.of(endpoint.optional()).flatMap(field -> wrongType(field.kind())
                .map(value -> new Attempt(endpoint, bodyWith(endpoint, field, value, false))));
    }

    private static Arbitrary<Attempt> requiredFieldMissingOrWrong(Endpoint endpoint) {
        if (endpoint.required().isEmpty()) {
            return optionalFieldOfTheWrongType(endpoint);
        }
        return Combinators.combine(Arbitraries.of(endpoint.required()), Arbitraries.of(true, false))
                .flatAs((field, remove) -> Arbitraries.oneOf(wrongType(field.kind()), wrongValue(field.kind()))
                        .map(value -> new Attempt(endpoint, bodyWith(endpoint, field, value, remove))));
    }

    /** Bodies that are not a JSON object at all: arbitrary text, arrays, scalars, truncated JSON. */
    private static Arbitrary<String> notAnObject() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).filter(text -> !text.isBlank()
                        && !text.trim().startsWith("{") && !text.trim().equals("null")),
                Arbitraries.of("[]", "[{}]", "42", "\"text\"", "true", "{\"id\": ", "{\"value\": NaN}", "{,}"));
    }

    /** A JSON value of a type that can never be read as a field of this kind. */
    private static Arbitrary<Object> wrongType(Kind kind) {
        Arbitrary<Object> structures = Arbitraries.of(List.of(1, 2), Map.of("nested", true));
        Arbitrary<Object> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "x" + s);
        Arbitrary<Object> numbers = Arbitraries.integers().map(i -> i);
        return switch (kind) {
            case TEXT, ID -> Arbitraries.oneOf(structures, Arbitraries.just(List.of()));
            case NUMBER -> Arbitraries.oneOf(structures, words, Arbitraries.just(true));
            case DATE, INSTANT, ENUM -> Arbitraries.oneOf(structures, words, numbers);
            case LIST -> Arbitraries.oneOf(words, numbers, Arbitraries.just(Map.of("a", 1)), Arbitraries.just(List.of(1, "x")));
        };
    }

    /** A value of the right JSON type that no required field of this kind accepts. */
    private static Arbitrary<Object> wrongValue(Kind kind) {
        return switch (kind) {
            case TEXT, ID -> Arbitraries.of("", "   ");
            case NUMBER -> Arbitraries.of("NaN", "Infinity", "-Infinity", "1e400", 1e300);
            case DATE -> Arbitraries.of("2026-13-45", "2026-02-30", "01-03-2026", "");
            case INSTANT -> Arbitraries.of("2026-03-01T25:00:00Z", "2999-01-01", "");
            case ENUM -> Arbitraries.of("green", "Adjust", "");
            case LIST -> Arbitraries.of("[]", "none");
        };
    }

    private static String bodyWith(Endpoint endpoint, Field target, Object wrong, boolean remove) {
        Map<String, Object> body = new LinkedHashMap<>();
        endpoint.required().forEach(field -> body.put(field.name(), field.valid()));
        endpoint.optional().forEach(field -> body.put(field.name(), field.valid()));
        if (remove && endpoint.required().contains(target)) {
            body.remove(target.name());
        } else {
            body.put(target.name(), wrong);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}

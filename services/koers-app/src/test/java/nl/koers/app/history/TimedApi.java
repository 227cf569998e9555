package nl.koers.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.MovableClock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Drives the API at moments the test chooses, so every event is recorded when the test says. */
public record TimedApi(MockMvc http, MovableClock clock) {

    /**
     * Stamps events with the test's clock again: test classes share an application context, and one that ran before
     * may have put the real clock back when it finished.
     */
    public static TimedApi stampingEventsWith(MockMvc http, MovableClock clock) {
        GenericEventMessage.clock = clock;
        return new TimedApi(http, clock);
    }

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(10);

    /** Posts a command body at {@code moment}; the command must succeed. */
    public void at(String moment, String path, String json) throws Exception {
        at(Instant.parse(moment), path, json);
    }

    public void at(Instant moment, String path, String json) throws Exception {
        clock.set(moment);
        post(path, json);
    }

    /** Posts a command body at the clock's current moment; the command must succeed. */
    public void post(String path, String json) throws Exception {
        var response = http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isBetween(200, 299);
    }

    /** The body of a successful GET. */
    public String body(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The programme's history once the projection shows at least {@code events} of its events. */
    public String awaitHistory(String programmeId, int events) {
        return awaitHistory(programmeId, body -> JsonPath.<Integer>read(body, "$.length()") >= events);
    }

    /** The programme's history once the projection shows an event that mentions {@code text}. */
    public String awaitHistoryMentioning(String programmeId, String text) {
        return awaitHistory(programmeId, body -> body.contains(text));
    }

    private String awaitHistory(String programmeId, Predicate<String> until) {
        return await().atMost(PROJECTION_LAG).until(
                () -> http.perform(get("/api/v1/programmes/" + programmeId + "/history")).andReturn().getResponse()
                        .getContentAsString(),
                body -> body.startsWith("[") && until.test(body));
    }

    /** The id of the programme's newest signal, once there is one. */
    public String awaitSignalId(String programmeId) {
        return await().atMost(PROJECTION_LAG).until(() -> {
            String body = http.perform(get("/api/v1/signals").param("programme", programmeId)).andReturn().getResponse()
                    .getContentAsString();
            List<String> ids = JsonPath.read(body, "$[*].id");
            return ids.isEmpty() ? null : ids.get(0);
        }, Objects::nonNull);
    }
}

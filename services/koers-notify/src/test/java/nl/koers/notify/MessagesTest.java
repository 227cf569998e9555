package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.signal.SignalView;
import org.junit.jupiter.api.Test;

/**
 * The three formats against their documented shapes: the Standard Webhooks payload of API.md; a Slack incoming-webhook
 * message (text, and attachments with a hex colour holding Block Kit section and context blocks in mrkdwn, with
 * Slack's three control characters escaped); a Teams message (type message, an Adaptive Card attachment with its
 * content type and a null contentUrl, elements and colours of the Adaptive Card schema, an OpenUrl action).
 */
class MessagesTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final SignalView SIGNAL = new SignalView("permits.kpi.lead-time.kpi_off_plan.1", SignalType.KPI_OFF_PLAN,
            Severity.CRITICAL, SignalState.OPEN, Subject.kpi("permits", "lead-time"), AT,
            "Lead time is 60 days <10.6 worse> than plan & RED.", Map.of("deviation", -8.6), null, null);
    private static final Messages.About ESCALATED = new Messages.About(SignalEventKind.ESCALATED, SIGNAL, "Digital permits", AT);

    private final Messages messages = new Messages(JSON, new WebhookSettings(false, null, "https://koers.example.org/", 4,
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
            new WebhookSettings.Retry(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(5))));

    @Test
    void aStandardMessageIsTheEventTypeTimeAndTheSignalWithItsProgrammeName() throws Exception {
        JsonNode message = JSON.readTree(messages.body(Subscription.Format.STANDARD, ESCALATED));
        assertThat(message.fieldNames()).toIterable().containsExactly("type", "timestamp", "data");
        assertThat(message.path("type").asText()).isEqualTo("signal.escalated");
        assertThat(message.path("timestamp").asText()).isEqualTo("2026-03-02T10:00:00Z");
        JsonNode data = message.path("data");
        assertThat(data.path("id").asText()).isEqualTo(SIGNAL.id());
        assertThat(data.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(data.path("subject").path("programmeId").asText()).isEqualTo("permits");
        assertThat(data.path("evidence").path("deviation").asDouble()).isEqualTo(-8.6);
        assertThat(data.path("programmeName").asText()).isEqualTo("Digital permits");
    }

    @Test
    void aSlackMessageHasTextAndAColouredAttachmentOfBlocks() throws Exception {
        JsonNode message = JSON.readTree(messages.body(Subscription.Format.SLACK, ESCALATED));
        assertThat(message.path("text").asText())
                .isEqualTo("CRITICAL signal KPI_OFF_PLAN escalated in Digital permits: Lead time is 60 days &lt;10.6 worse&gt; than plan &amp; RED.");
        assertThat(message.path("attachments")).hasSize(1);
        JsonNode attachment = message.path("attachments").path(0);
        assertThat(attachment.path("color").asText()).matches("#[0-9a-f]{6}");
        assertThat(attachment.path("fallback").asText()).isNotBlank();
        List<String> blockTypes = attachment.path("blocks").findValuesAsText("type");
        assertThat(attachment.path("blocks")).hasSize(2);
        assertThat(blockTypes).contains("section", "context");
        JsonNode section = attachment.path("blocks").path(0);
        assertThat(section.path("type").asText()).isEqualTo("section");
        assertThat(section.path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(section.path("text").path("text").asText())
                .contains("&lt;10.6 worse&gt;", "<https://koers.example.org/api/v1/programmes/permits/report|Steering report of Digital permits>")
                .doesNotContain("<10.6");
        JsonNode context = attachment.path("blocks").path(1);
        assertThat(context.path("type").asText()).isEqualTo("context");
        assertThat(context.path("elements").path(0).path("type").asText()).isEqualTo("mrkdwn");
    }

    @Test
    void aTeamsMessageIsAnAdaptiveCardInTheMessageEnvelope() throws Exception {
        JsonNode message = JSON.readTree(messages.body(Subscription.Format.TEAMS, ESCALATED));
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("attachments")).hasSize(1);
        JsonNode attachment = message.path("attachments").path(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.has("contentUrl")).isTrue();
        assertThat(attachment.path("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.path("content");
        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        for (JsonNode element : card.path("body")) {
            assertThat(element.path("type").asText()).isIn("Container", "TextBlock", "FactSet");
        }
        JsonNode container = card.path("body").path(0);
        assertThat(container.path("style").asText()).isEqualTo("attention");
        JsonNode heading = container.path("items").path(0);
        assertThat(heading.path("type").asText()).isEqualTo("TextBlock");
        assertThat(heading.path("color").asText()).isIn(Set.of("Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"))
                .isEqualTo("Attention");
        assertThat(heading.path("text").asText()).startsWith("CRITICAL signal KPI_OFF_PLAN escalated in Digital permits");
        for (JsonNode fact : card.path("body").path(2).path("facts")) {
            assertThat(fact.fieldNames()).toIterable().containsExactlyInAnyOrder("title", "value");
        }
        JsonNode action = card.path("actions").path(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.path("url").asText()).isEqualTo("https://koers.example.org/api/v1/programmes/permits/report");
    }

    @Test
    void theColourFollowsTheSeverity() throws Exception {
        for (Severity severity : Severity.values()) {
            SignalView signal = new SignalView(SIGNAL.id(), SIGNAL.type(), severity, SignalState.OPEN, SIGNAL.subject(), AT,
                    "Explained.", Map.of(), null, null);
            Messages.About raised = new Messages.About(SignalEventKind.RAISED, signal, "Digital permits", AT);
            String slackColour = JSON.readTree(messages.body(Subscription.Format.SLACK, raised)).path("attachments").path(0)
                    .path("color").asText();
            String teamsStyle = JSON.readTree(messages.body(Subscription.Format.TEAMS, raised)).path("attachments").path(0)
                    .path("content").path("body").path(0).path("style").asText();
            assertThat(slackColour + " " + teamsStyle).isEqualTo(switch (severity) {
                case CRITICAL -> "#d92d20 attention";
                case WARNING -> "#f79009 warning";
                case INFO -> "#2e90fa accent";
            });
        }
    }
}

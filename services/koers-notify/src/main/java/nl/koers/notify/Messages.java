package nl.koers.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.koers.api.signal.Severity;
import nl.koers.navigation.signal.SignalView;
import org.springframework.stereotype.Component;

/**
 * The body of a delivery, in the subscription's format. {@code STANDARD}: {@code {type, timestamp, data}} with the
 * signal as {@code GET /signals} shows it plus {@code programmeName}. {@code SLACK}: an incoming-webhook message, a
 * sentence in {@code text} and an attachment in the severity's colour holding blocks with the explanation and a link to
 * the programme's report. {@code TEAMS}: an Adaptive Card in the message envelope Teams' webhooks take, the same
 * sentence and explanation in the severity's colour, and the link as an action.
 */
@Component
class Messages {

    private final ObjectMapper json;
    private final String publicUrl;

    Messages(ObjectMapper json, WebhookSettings settings) {
        this.json = json;
        this.publicUrl = settings.publicUrl();
    }

    /** What a message is about: a signal event, the signal as it leaves it, and the programme's name. */
    record About(SignalEventKind kind, SignalView signal, String programmeName, Instant at) {
    }

    String body(Subscription.Format format, About about) {
        Object message = switch (format) {
            case STANDARD -> standard(about);
            case SLACK -> slack(about);
            case TEAMS -> teams(about);
        };
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A signal's message cannot be written as JSON", e);
        }
    }

    private Object standard(About about) {
        ObjectNode data = json.valueToTree(about.signal());
        data.put("programmeName", about.programmeName());
        ObjectNode message = json.createObjectNode().put("type", about.kind().type()).put("timestamp", about.at().toString());
        message.set("data", data);
        return message;
    }

    private Object slack(About about) {
        SignalView signal = about.signal();
        String details = "*" + slackEscaped(signal.type().name()) + "* on " + slackEscaped(subject(signal)) + "\n"
                + slackEscaped(signal.explanation()) + "\n<" + reportUrl(signal) + "|Steering report of "
                + slackEscaped(about.programmeName()) + ">";
        return Map.of(
                "text", slackEscaped(sentence(about)),
                "attachments", List.of(Map.of(
                        "color", slackColour(signal.severity()),
                        "fallback", slackEscaped(sentence(about)),
                        "blocks", List.of(
                                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", details)),
                                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                                        "text", "Signal " + slackEscaped(signal.id()) + " · " + about.at())))))));
    }

    private Object teams(About about) {
        SignalView signal = about.signal();
        Map<String, Object> card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body", List.of(
                        Map.of("type", "Container", "style", teamsStyle(signal.severity()), "items", List.of(
                                Map.of("type", "TextBlock", "text", sentence(about), "weight", "Bolder",
                                        "color", teamsColour(signal.severity()), "wrap", true))),
                        Map.of("type", "TextBlock", "text", signal.explanation(), "wrap", true),
                        Map.of("type", "FactSet", "facts", List.of(
                                Map.of("title", "Severity", "value", signal.severity().name()),
                                Map.of("title", "State", "value", signal.state().name()),
                                Map.of("title", "Subject", "value", subject(signal)),
                                Map.of("title", "Signal", "value", signal.id())))),
                "actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Steering report",
                        "url", reportUrl(signal))));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        return Map.of("type", "message", "attachments", List.of(attachment));
    }

    /** For example "CRITICAL signal KPI_OFF_PLAN escalated in Digital permits". */
    private static String sentence(About about) {
        SignalView signal = about.signal();
        String what = about.kind().type().substring("signal.".length());
        return signal.severity() + " signal " + signal.type() + " " + what + " in " + about.programmeName() + ": "
                + signal.explanation();
    }

    private static String subject(SignalView signal) {
        return signal.subject().kind().name().toLowerCase(Locale.ROOT) + " " + signal.subject().id();
    }

    private String reportUrl(SignalView signal) {
        return publicUrl + "/api/v1/programmes/" + signal.subject().programmeId() + "/report";
    }

    /** Slack's mrkdwn treats these three as control characters. */
    private static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String slackColour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "#d92d20";
            case WARNING -> "#f79009";
            case INFO -> "#2e90fa";
        };
    }

    private static String teamsStyle(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "attention";
            case WARNING -> "warning";
            case INFO -> "accent";
        };
    }

    private static String teamsColour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Attention";
            case WARNING -> "Warning";
            case INFO -> "Accent";
        };
    }
}

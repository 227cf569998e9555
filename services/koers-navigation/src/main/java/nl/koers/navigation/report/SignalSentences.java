package nl.koers.navigation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.koers.api.kpi.Lever;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;

/**
 * A signal's sentence in the reader's language, written from its type and evidence with the templates of
 * {@code words.properties} ({@code signal.TYPE}, or {@code signal.TYPE.variant} where the sentence differs, such as
 * RED against AMBER). A slot is {@code {key}} or {@code {key:kind}}, filled from the evidence, {@code subject} (what
 * the signal is about, by name) and {@code unit}. Evidence the template does not name is ignored; when the template
 * names evidence the signal does not have, the stored explanation is shown instead. Stored events are never changed.
 */
final class SignalSentences {

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)(?::(\\w+))?}");

    private final Words words;

    SignalSentences(Words words) {
        this.words = words;
    }

    /** The sentence, or {@code explanation} where no template can be filled. */
    String of(SignalType type, Severity severity, Map<String, Object> evidence, String subject, String unit,
              String explanation) {
        Map<String, Object> slots = new HashMap<>(evidence == null ? Map.of() : evidence);
        slots.put("subject", subject);
        if (unit != null) {
            slots.put("unit", unit);
        }
        return words.optional("signal." + type + "." + variant(type, severity, slots))
                .or(() -> words.optional("signal." + type))
                .flatMap(template -> fill(template, slots))
                .orElse(explanation);
    }

    private static String variant(SignalType type, Severity severity, Map<String, Object> evidence) {
        return switch (type) {
            case KPI_OFF_PLAN -> String.valueOf(evidence.get("status"));
            case KPI_SHIFT -> String.valueOf(evidence.get("direction"));
            case KPI_FORECAST_MISS -> "never".equals(evidence.get("targetReachedOn")) ? "never" : "reached";
            case MILESTONE_SLIPPING -> severity == Severity.CRITICAL ? "critical" : "warning";
            case EVALUATION_OVERDUE -> evidence.containsKey("daysWithout") ? "programme" : "evaluation";
            default -> "";
        };
    }

    private Optional<String> fill(String template, Map<String, Object> slots) {
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            Object value = slots.get(slot.group(1));
            Optional<String> text = value == null ? Optional.empty() : write(value, slot.group(2), slots.get("unit"));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(text.get()));
        }
        slot.appendTail(out);
        return Optional.of(out.toString());
    }

    private Optional<String> write(Object value, String kind, Object unit) {
        try {
            return Optional.of(switch (kind == null ? "" : kind) {
                case "date" -> words.date(date(value.toString()));
                case "qty" -> words.quantity(decimal(value), unit == null ? null : unit.toString());
                case "abs" -> words.number(decimal(value).abs());
                case "levers" -> value instanceof Collection<?> levers ? levers.stream()
                        .map(lever -> words.label(Lever.valueOf(lever.toString()))).collect(Collectors.joining(", "))
                        : value.toString();
                default -> value instanceof Number number ? words.number(number) : value.toString();
            });
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String text) {
        return text.length() > 10 ? LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC)
                : LocalDate.parse(text);
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}

package nl.koers.navigation.report;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words of a report in one language: headings, labels, sentences (from {@code words.properties} and its
 * translations), and numbers and dates written the way that language's readers write them.
 */
public final class Words {

    private static final ResourceBundle.Control PROPERTIES_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter moment;

    public Words(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("nl.koers.navigation.report.words", language.locale(), PROPERTIES_ONLY);
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
        this.moment = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", language.locale()).withZone(ZoneOffset.UTC);
    }

    public Language language() {
        return language;
    }

    /** The text under {@code key}, with {@code {0}}, {@code {1}}... replaced by the (already written) arguments. */
    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), language.locale())
                .format(arguments);
    }

    /** The text under {@code key}, where there is one. */
    public Optional<String> optional(String key) {
        return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    /** An enum constant as the reader calls it: the text under {@code Type.CONSTANT}. */
    public String label(Enum<?> value) {
        return value == null ? "-" : text(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String date(LocalDate value) {
        return value == null ? "-" : date.format(value);
    }

    public String moment(Instant value) {
        return value == null ? "-" : moment.format(value);
    }

    /** A number with at most two decimals, grouped and with the language's decimal sign. */
    public String number(Number value) {
        if (value == null) {
            return "-";
        }
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMaximumFractionDigits(2);
        return format.format(value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
    }

    /** A number with its unit: {@code 12.5 %}, {@code 3 days}. */
    public String quantity(Number value, String unit) {
        return value == null ? "-" : unit == null || unit.isBlank() ? number(value) : number(value) + " " + unit;
    }

    /** A number with its sign always shown, as deviations are: {@code +0.27}, {@code -8.69}. */
    public String signed(BigDecimal value) {
        return value == null ? "-" : value.signum() > 0 ? "+" + number(value) : number(value);
    }
}

package nl.koers.app.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Instants in query parameters ({@code asOf}, {@code from}, {@code to}, {@code since}) and in bodies are ISO-8601
 * and lie in the years 1 to 9999: PostgreSQL stores no timestamp of year 999999999, and no client means one, so such
 * an instant is bad input (400), not a failed query.
 */
@Configuration(proxyBeanMethods = false)
class InstantParameters implements WebMvcConfigurer {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** The instant, unless it lies outside the years 1 to 9999. */
    static Instant inRange(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 1 to 9999", instant.toString(), 0);
        }
        return instant;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                return inRange(Instant.parse(text));
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return instant.toString();
            }
        });
    }
}

package nl.koers.http;

import java.time.Instant;
import java.util.Locale;

import nl.koers.input.Storable;
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

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                return Storable.instant(Instant.parse(text));
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return instant.toString();
            }
        });
    }
}

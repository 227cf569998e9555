package nl.koers.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code koers.http.*}: {@code maxRequestSize} bounds every request body, chunked ones too; {@code cors} opens the
 * API to browser pages from the origins it lists (none by default, so browsers keep other sites out).
 */
@ConfigurationProperties("koers.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue Cors cors) {

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}

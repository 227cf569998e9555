package nl.koers.http.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code koers.http.*}: {@code maxRequestSize} bounds every request body, chunked ones too, except a CSV file of
 * readings, which {@code maxCsvSize} bounds (it is read row by row, never held whole), and a portfolio document
 * posted to plan or apply, which {@code maxPortfolioSize} bounds (it is read whole); {@code cors} opens the API to
 * browser pages from the origins it lists (none by default, so browsers keep other sites out).
 */
@ConfigurationProperties("koers.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("50MB") DataSize maxCsvSize,
                           @DefaultValue("20MB") DataSize maxPortfolioSize,
                           @DefaultValue Cors cors) {

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}

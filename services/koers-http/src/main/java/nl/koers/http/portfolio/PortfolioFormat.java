package nl.koers.http.portfolio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The formats a portfolio document comes in, by the media type that names each. */
public enum PortfolioFormat {
    YAML("application/yaml", "yaml"),
    JSON("application/json", "json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String YAML_TYPE = "application/yaml";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MediaType mediaType;
    private final String extension;

    PortfolioFormat(String mediaType, String extension) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code yaml}, {@code json} or {@code xlsx}, in any case. */
    public static Optional<PortfolioFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The format a request's content type names; YAML also by its older names ({@code application/x-yaml}, {@code text/yaml}). */
    public static Optional<PortfolioFormat> of(MediaType contentType) {
        if (contentType.getSubtype().endsWith("yaml")) {
            return Optional.of(YAML);
        }
        return Arrays.stream(values()).filter(format -> format.mediaType.isCompatibleWith(contentType)).findFirst();
    }
}

package nl.koers.http.portfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.koers.input.Expectations;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A portfolio document as YAML or JSON text. Reading is strict, so that a typing error in a reviewed file is caught
 * before anything is planned: an unknown field, a key given twice or trailing content is refused, with the line and
 * column where it is.
 */
final class PortfolioText {

    /** Above the largest file the service takes ({@code koers.http.max-portfolio-size}); SnakeYAML's own default is 3 MB. */
    private static final int MAX_YAML_CODE_POINTS = 256 * 1024 * 1024;

    private static final ObjectMapper JSON = configured(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configured(YAMLMapper.builder(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())).build();

    private PortfolioText() {
    }

    static PortfolioDocument read(PortfolioFormat format, byte[] body) throws UnreadableDocument, UnexpectedContent {
        if (PortfolioWorkbook.looksLikeOne(body)) {
            throw new UnexpectedContent("The file is a workbook (XLSX), not " + format + "; send it as "
                    + PortfolioFormat.XLSX_TYPE + ".");
        }
        if (format == PortfolioFormat.JSON && !startsLikeJson(body)) {
            throw new UnexpectedContent("The file is not JSON: it does not start with '{'. Send YAML as "
                    + PortfolioFormat.YAML_TYPE + ".");
        }
        try {
            PortfolioDocument document = mapper(format).readValue(body, PortfolioDocument.class);
            if (document == null) {
                throw new UnreadableDocument("The document is empty.");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new UnreadableDocument(place(location(format, body, e)) + what(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(PortfolioFormat format, PortfolioDocument document) {
        try {
            return mapper(format).writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A portfolio document could not be written", e);
        }
    }

    private static ObjectMapper mapper(PortfolioFormat format) {
        return format == PortfolioFormat.YAML ? YAML : JSON;
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configured(B builder) {
        return builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        return options;
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{';
            }
        }
        return true;
    }

    /**
     * Where the error is: for a field of the wrong shape, where its value starts, and for an unknown field, where its
     * name stands, found by reading the file again along the error's path. Jackson's own location of such an error is
     * where the parser stopped, which for a record is the end of the object it buffered.
     */
    private static JsonLocation location(PortfolioFormat format, byte[] body, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return e.getLocation();
        }
        List<Object> target = new ArrayList<>();
        mapping.getPath().forEach(reference -> target.add(reference.getFieldName() != null
                ? reference.getFieldName() : (Object) reference.getIndex()));
        boolean atName = e instanceof UnrecognizedPropertyException;
        try (JsonParser parser = mapper(format).createParser(body)) {
            List<Object> path = new ArrayList<>();
            List<Boolean> arrays = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructEnd()) {
                    path.remove(path.size() - 1);
                    arrays.remove(arrays.size() - 1);
                    continue;
                }
                int top = path.size() - 1;
                if (token == JsonToken.FIELD_NAME) {
                    path.set(top, parser.currentName());
                    if (atName && path.equals(target)) {
                        return parser.currentTokenLocation();
                    }
                    continue;
                }
                if (top >= 0 && arrays.get(top)) {
                    path.set(top, (Integer) path.get(top) + 1);
                }
                if (!atName && path.equals(target)) {
                    return parser.currentTokenLocation();
                }
                if (token.isStructStart()) {
                    path.add(token == JsonToken.START_ARRAY ? (Object) (-1) : "");
                    arrays.add(token == JsonToken.START_ARRAY);
                }
            }
        } catch (IOException unreadable) {
            return e.getLocation();
        }
        return e.getLocation();
    }

    private static String place(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "Line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /** What is wrong, in the document's own terms: its field names, never a Java class. */
    private static String what(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = Expectations.fieldOf(mapping);
            if (e instanceof UnrecognizedPropertyException unknown) {
                return "unknown field '" + field + "'; a " + holder(unknown) + " has the fields "
                        + unknown.getKnownPropertyIds() + ".";
            }
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return "'" + field + "' " + Expectations.of(target) + ".";
        }
        if (e instanceof JsonMappingException) {
            return "the document must be an object with a list of 'programmes'.";
        }
        return e.getOriginalMessage() + ".";
    }

    private static String holder(UnrecognizedPropertyException e) {
        Class<?> referring = e.getReferringClass();
        return referring == null || referring == PortfolioDocument.class ? "document"
                : referring.getSimpleName().toLowerCase(Locale.ROOT);
    }
}

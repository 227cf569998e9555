package nl.koers.navigation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.stereotype.Component;

/** Values the read model keeps as JSON text: evaluation actions, signal evidence. */
@Component
public class JsonText {

    private final ObjectMapper json;

    public JsonText(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the read model: " + text, e);
        }
    }

    /** A reader of one type for many values: its deserializer is found once, not for every value. */
    public ObjectReader readerFor(Class<?> type) {
        return json.readerFor(type);
    }

    public <T> T read(String text, ObjectReader reader) {
        try {
            return text == null ? null : reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the read model: " + text, e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the read model: " + text, e);
        }
    }
}

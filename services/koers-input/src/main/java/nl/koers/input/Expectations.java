package nl.koers.input;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

/** What a value of a given type must look like, in the words a client is told when its input has another shape. */
public final class Expectations {

    private Expectations() {
    }

    /** "must be a date like 2026-03-01" and the like; null {@code type}: not valid, without more to say. */
    public static String of(Class<?> type) {
        if (type == null) {
            return "is not valid";
        }
        if (type.isEnum()) {
            return oneOf(type);
        }
        if (type == LocalDate.class) {
            return "must be a date like 2026-03-01";
        }
        if (type == Instant.class) {
            return "must be an instant like 2026-03-01T09:30:00Z or a date like 2026-03-01";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "must be a finite decimal number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    /** The field a mapping error is about, as a client names it: {@code programmes[2].kpis[0].target}. */
    public static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    public static String oneOf(Class<?> enumType) {
        return "must be one of " + Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}

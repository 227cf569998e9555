package nl.koers.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer with the object mapper as the application configures it ({@code spring.jackson} in
 * koers-app's application.yml, which Axon's serializer uses): snapshots and events read here as they read there.
 */
public final class AppSerializer {

    private AppSerializer() {
    }

    public static JacksonSerializer jackson() {
        JsonMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .defaultLeniency(false)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}

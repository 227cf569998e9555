package nl.koers.http;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.api.RuleViolationException;
import nl.koers.input.Storable;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Text that PostgreSQL cannot store is bad input (400), in request bodies and in the path and query parameters: text
 * that is not valid Unicode, and the NUL character. Jackson refuses most bytes that are not UTF-8 but decodes an
 * encoded surrogate (bytes ED A0 80) into a lone surrogate; no such text may reach an event (its projection would
 * fail on it) or a query. Only the HTTP layer's mapper checks it: the events' own serializer reads what is stored as
 * it always did.
 */
@Configuration(proxyBeanMethods = false)
public class StorableText implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                request.getParameterMap().forEach((name, values) -> {
                    if (!Storable.text(name) || Arrays.stream(values).anyMatch(value -> !Storable.text(value))) {
                        throw new RuleViolationException(Storable.text(name) ? name : "parameter", "is not storable text");
                    }
                });
                if (handler instanceof HandlerMethod && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                        instanceof Map<?, ?> variables) {
                    variables.forEach((name, value) -> {
                        if (!Storable.text(value.toString())) {
                            throw new RuleViolationException(name.toString(), "is not storable text");
                        }
                    });
                }
                return true;
            }
        });
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule strictUnicode = new SimpleModule("strict-unicode").addDeserializer(String.class, new UnicodeText());
        converters.stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(converter -> converter.setObjectMapper(converter.getObjectMapper().copy().registerModule(strictUnicode)));
    }

    /** Text as Jackson reads it, refused when PostgreSQL could not store it. */
    private static final class UnicodeText extends StdScalarDeserializer<String> {

        UnicodeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !Storable.text(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "is not storable text");
            }
            return text;
        }
    }
}

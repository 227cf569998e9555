package nl.koers.app.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies whose text is not valid Unicode are bad input (400). Jackson refuses most bytes that are not UTF-8
 * but decodes an encoded surrogate (bytes ED A0 80) into a lone surrogate; no such text may reach an event. Only the
 * HTTP layer's mapper checks it: the events' own serializer reads what is stored as it always did.
 */
@Configuration(proxyBeanMethods = false)
class StrictUnicodeBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule strictUnicode = new SimpleModule("strict-unicode").addDeserializer(String.class, new UnicodeText());
        converters.stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(converter -> converter.setObjectMapper(converter.getObjectMapper().copy().registerModule(strictUnicode)));
    }

    /** Text as Jackson reads it, refused when it holds a surrogate without its pair. */
    private static final class UnicodeText extends StdScalarDeserializer<String> {

        UnicodeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && hasUnpairedSurrogate(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "is not valid Unicode");
            }
            return text;
        }

        private static boolean hasUnpairedSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}

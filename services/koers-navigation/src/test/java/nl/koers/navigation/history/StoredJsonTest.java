package nl.koers.navigation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Stored JSON is written into an answer byte for byte, whether Jackson writes bytes or characters. */
class StoredJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "{\"note\":\"Zoë 🚲 \\\"quoted\\\"\",\"value\":11.50}";

    private final StoredJson stored = StoredJson.ofUtf8(NOTE.getBytes(StandardCharsets.UTF_8));

    @Test
    void theBytesAreWrittenThroughAsAValue() throws Exception {
        String written = new String(JSON.writeValueAsBytes(List.of(stored, stored)), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("[" + NOTE + "," + NOTE + "]");
    }

    @Test
    void aGeneratorOfCharactersWritesTheSameText() throws Exception {
        assertThat(JSON.writeValueAsString(List.of(stored))).isEqualTo("[" + NOTE + "]");
        assertThat(stored.text()).isEqualTo(NOTE);
    }

    @Test
    void jsonLongerThanTheGeneratorsBufferIsWrittenWhole() throws Exception {
        String longNote = "{\"note\":\"" + "é".repeat(20_000) + "\"}";
        StoredJson large = StoredJson.ofUtf8(longNote.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(JSON.writeValueAsBytes(List.of(stored, large, stored)), StandardCharsets.UTF_8))
                .isEqualTo("[" + NOTE + "," + longNote + "," + NOTE + "]");
        assertThat(JSON.writeValueAsString(List.of(stored, large, stored)))
                .isEqualTo("[" + NOTE + "," + longNote + "," + NOTE + "]");
    }
}

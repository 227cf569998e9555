package nl.koers.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.KoersIntegrationTest;
import nl.koers.tracking.kpi.Kpi;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's serializer reads a KPI snapshot of the form the store holds, kept by koers-tracking's
 * StoredKpiSnapshotTest (which shows that the KPI it loads acts as the KPI its events give), and writes the same form.
 */
@KoersIntegrationTest
class StoredKpiSnapshotTest {

    /** Tests run in the module's folder; the snapshot is koers-tracking's test resource. */
    private static final Path STORED = Path.of("../koers-tracking/src/test/resources/snapshots/kpi-revision-3.json");

    @Autowired
    Serializer serializer;

    @Test
    void theApplicationReadsAStoredKpiSnapshotAndWritesItInTheSameForm() throws IOException {
        byte[] stored = Files.readAllBytes(STORED);

        Kpi kpi = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                new SimpleSerializedType(Kpi.class.getName(), "3")));

        assertThat(serializer.typeForClass(Kpi.class)).isEqualTo(new SimpleSerializedType(Kpi.class.getName(), "3"));
        assertThat(json(serializer.serialize(kpi, byte[].class).getData())).isEqualTo(json(stored));
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return new ObjectMapper().readTree(bytes);
    }
}

package nl.koers.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import nl.koers.api.milestone.MilestonePlanned;

/** Events stored before a field was added read as they meant then: the new field absent. */
class OlderEventShapesTest {

    private final JacksonSerializer serializer = AppSerializer.jackson();

    @Test
    void aMilestonePlannedWithoutAStartDateStartsWithItsProgramme() {
        // given a MilestonePlanned as stored before milestones had a start date (issue 19)
        byte[] stored = """
                {"programmeId": "p", "milestoneId": "m1", "title": "First", "dueDate": "2025-06-30"}"""
                .getBytes(StandardCharsets.UTF_8);

        MilestonePlanned event = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                new SimpleSerializedType(MilestonePlanned.class.getName(), null)));

        // then its start date is absent: the slip is measured from the programme's start, as it was
        assertThat(event).isEqualTo(new MilestonePlanned("p", "m1", "First", LocalDate.of(2025, 6, 30), null));
    }
}

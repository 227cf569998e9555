package nl.koers.navigation.programme;

import static nl.koers.navigation.SampleEvents.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.koers.api.ProgrammeEvent;
import nl.koers.navigation.SampleEvents;
import nl.koers.navigation.history.ChangeGroup;
import nl.koers.navigation.history.HistorySubject;
import nl.koers.navigation.signal.SignalProjection;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an event means for the read side is written in several places; this walks every event type of koers-api
 * through each of them: the projections handle it, the fold changes what it shows, the history knows its subject and
 * the changes know its group.
 */
class EventCoverageTest {

    @SuppressWarnings("unchecked")
    static List<Class<? extends ProgrammeEvent>> eventTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.koers.api").stream()
                .filter(type -> type.isAssignableTo(ProgrammeEvent.class) && !type.isInterface())
                .<Class<? extends ProgrammeEvent>>map(type -> (Class<? extends ProgrammeEvent>) type.reflect())
                .toList();
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(SampleEvents.types()).containsExactlyInAnyOrderElementsOf(eventTypes());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void aProjectionHandlesIt(Class<? extends ProgrammeEvent> type) {
        assertThat(Stream.of(ProgrammeProjection.class, SignalProjection.class)
                .flatMap(projection -> Stream.of(projection.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes))
                .as("an @EventHandler for %s", type.getSimpleName())
                .anyMatch(parameters -> parameters.length > 0 && parameters[0] == type);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theFoldShowsIt(Class<? extends ProgrammeEvent> type) {
        ProgrammeFold fold = new ProgrammeFold();
        SampleEvents.before(type).forEach(event -> fold.apply(event, NOW));
        String before = shown(fold);

        fold.apply(SampleEvents.of(type), NOW);

        assertThat(shown(fold)).as("what the fold shows after %s", type.getSimpleName()).isNotEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theHistoryKnowsItsSubject(Class<? extends ProgrammeEvent> type) {
        HistorySubject subject = HistorySubject.of(SampleEvents.of(type));

        assertThat(subject.id()).isIn(SampleEvents.PROGRAMME, SampleEvents.KPI, SampleEvents.MILESTONE,
                SampleEvents.EVALUATION, SampleEvents.SIGNAL);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theChangesHaveAGroupForIt(Class<? extends ProgrammeEvent> type) {
        assertThatCode(() -> ChangeGroup.of(type)).doesNotThrowAnyException();
    }

    /** Everything the fold shows: the programme, the KPI whole, the report's facts. */
    private static String shown(ProgrammeFold fold) {
        return fold.defined()
                ? fold.view(NOW) + " " + fold.kpi(SampleEvents.KPI, NOW) + " " + fold.lastEscalation()
                : "nothing";
    }
}

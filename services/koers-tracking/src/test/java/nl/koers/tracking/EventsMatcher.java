package nl.koers.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

import nl.koers.api.signal.SignalEvidenceUpdated;

/** Matches the published events' payloads with AssertJ, so a mismatch says which field differs. */
public final class EventsMatcher extends TypeSafeMatcher<List<? super EventMessage<?>>> {

    private final String description;
    private final Consumer<List<Object>> requirements;
    private AssertionError mismatch;

    private EventsMatcher(String description, Consumer<List<Object>> requirements) {
        this.description = description;
        this.requirements = requirements;
    }

    /**
     * Exactly these payloads, field by field, comparing decimals by value: a signal's evidence holds computed
     * decimals whose scale is no part of their meaning.
     */
    public static EventsMatcher events(Object... expected) {
        List<Object> expectedList = Arrays.asList(expected);
        return new EventsMatcher("events " + expectedList, payloads -> assertThat(payloads).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expectedList));
    }

    /**
     * {@code event}, then the update of open signal {@code signalId} to a sentence that names each of
     * {@code currentFacts}: the signal stays open and its explanation follows the facts.
     */
    public static EventsMatcher eventThenEvidenceOf(Object event, String signalId, String... currentFacts) {
        return payloadsSatisfying(payloads -> {
            assertThat(payloads).hasSize(2);
            assertThat(payloads.get(0)).isEqualTo(event);
            assertThat(payloads.get(1)).isInstanceOfSatisfying(SignalEvidenceUpdated.class, updated -> {
                assertThat(updated.signalId()).isEqualTo(signalId);
                assertThat(updated.explanation()).contains(currentFacts);
            });
        });
    }

    /** Payloads that meet {@code requirements}, for numbers too long to write out. */
    public static EventsMatcher payloadsSatisfying(Consumer<List<Object>> requirements) {
        return new EventsMatcher("events meeting the requirements", requirements);
    }

    @Override
    protected boolean matchesSafely(List<? super EventMessage<?>> actual) {
        List<Object> payloads = actual.stream().<Object>map(message -> ((EventMessage<?>) message).getPayload()).toList();
        try {
            requirements.accept(payloads);
            return true;
        } catch (AssertionError e) {
            mismatch = e;
            return false;
        }
    }

    @Override
    public void describeTo(Description out) {
        out.appendText(description);
    }

    @Override
    protected void describeMismatchSafely(List<? super EventMessage<?>> actual, Description out) {
        out.appendText(mismatch == null ? "did not match" : mismatch.getMessage());
    }
}

package nl.koers.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches the published events payload by payload, field by field, comparing decimals by value: a signal's evidence
 * holds computed decimals whose scale is no part of their meaning.
 */
public final class EventsMatcher extends TypeSafeMatcher<List<? super EventMessage<?>>> {

    private final List<Object> expected;
    private AssertionError mismatch;

    private EventsMatcher(List<Object> expected) {
        this.expected = expected;
    }

    public static EventsMatcher events(Object... expected) {
        return new EventsMatcher(Arrays.asList(expected));
    }

    @Override
    protected boolean matchesSafely(List<? super EventMessage<?>> actual) {
        List<Object> payloads = actual.stream().<Object>map(message -> ((EventMessage<?>) message).getPayload()).toList();
        try {
            assertThat(payloads).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(expected);
            return true;
        } catch (AssertionError e) {
            mismatch = e;
            return false;
        }
    }

    @Override
    public void describeTo(Description description) {
        description.appendValueList("events [", ", ", "]", expected);
    }

    @Override
    protected void describeMismatchSafely(List<? super EventMessage<?>> actual, Description description) {
        description.appendText(mismatch == null ? "did not match" : mismatch.getMessage());
    }
}

package nl.koers.tracking;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import nl.koers.api.RuleViolationException;

/** Matches a {@link RuleViolationException} that names the given body field. */
public final class RuleViolationMatcher extends TypeSafeMatcher<RuleViolationException> {

    private final String field;

    private RuleViolationMatcher(String field) {
        super(RuleViolationException.class);
        this.field = field;
    }

    public static Matcher<RuleViolationException> violationOf(String field) {
        return new RuleViolationMatcher(field);
    }

    @Override
    protected boolean matchesSafely(RuleViolationException exception) {
        return field.equals(exception.field());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a RuleViolationException on field ").appendValue(field);
    }

    @Override
    protected void describeMismatchSafely(RuleViolationException exception, Description mismatch) {
        mismatch.appendText("was on field ").appendValue(exception.field())
                .appendText(": ").appendText(exception.getMessage());
    }
}

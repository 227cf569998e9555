package nl.koers.input;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What PostgreSQL's text and timestamp columns hold, for every way input comes in (HTTP, Kafka). */
public final class Storable {

    private static final char NUL = '\u0000';
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Storable() {
    }

    /** Valid Unicode without NUL. */
    public static boolean text(String text) {
        return text.indexOf(NUL) < 0 && !hasUnpairedSurrogate(text);
    }

    /**
     * The instant, unless it lies outside the years 1 to 9999: PostgreSQL stores no timestamp of year 999999999, and
     * no client means one, so such an instant is bad input, not a failed query.
     */
    public static Instant instant(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 1 to 9999", instant.toString(), 0);
        }
        return instant;
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

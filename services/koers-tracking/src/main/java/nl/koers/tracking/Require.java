package nl.koers.tracking;

import java.math.BigDecimal;

import nl.koers.api.RuleViolationException;

/** Content checks shared by the aggregates; each failure names the HTTP body field it concerns. */
public final class Require {

    /** Readings beyond this magnitude or precision are typos or unit mistakes, not measurements. */
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_SCALE = 10;

    private Require() {
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field, field + " is required");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new RuleViolationException(field, field + " is required");
        }
        return value;
    }

    public static BigDecimal plausibleDecimal(BigDecimal value, String field) {
        present(value, field);
        BigDecimal normalized = value.stripTrailingZeros();
        if (normalized.precision() - normalized.scale() > MAX_INTEGER_DIGITS) {
            throw new RuleViolationException(field,
                    field + " has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (normalized.scale() > MAX_SCALE) {
            throw new RuleViolationException(field,
                    field + " has more than " + MAX_SCALE + " digits after the decimal point");
        }
        return value;
    }
}

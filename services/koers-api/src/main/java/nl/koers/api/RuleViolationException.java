package nl.koers.api;

/** The command breaks a business rule about its own content; {@code field} names the offending body field. */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package nl.koers.api;

/** The command conflicts with the current state: a duplicate id, a closed programme, an outcome recorded twice. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

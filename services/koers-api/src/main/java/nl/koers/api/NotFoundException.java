package nl.koers.api;

/** The command names a programme or one of its parts that does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}

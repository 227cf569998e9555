package nl.koers.http;

/**
 * A streamed request body (a CSV file of readings sent in chunks) grew past its limit while it was being read; the
 * rows read before were handled.
 */
public class RequestBodyTooLarge extends RuntimeException {

    public RequestBodyTooLarge(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes.");
    }
}

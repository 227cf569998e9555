package nl.koers.http.portfolio;

/** A file whose content is not of the format its content type names (a workbook sent as JSON, say): 415, not 400. */
public class UnexpectedContent extends Exception {

    public UnexpectedContent(String message) {
        super(message);
    }
}

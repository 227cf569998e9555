package nl.koers.http.portfolio;

/**
 * A portfolio file that cannot be read as a document: its message names the place (line and column of a YAML or JSON
 * file, sheet and cell of a workbook) and what is wrong there. Nothing of such a file is planned or applied.
 */
public class UnreadableDocument extends Exception {

    public UnreadableDocument(String message) {
        super(message);
    }
}

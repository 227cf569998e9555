package nl.koers.input;

/** The id formats of the API. */
public final class Ids {

    public static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String SLUG_MESSAGE = "must be a slug: lower-case letters, digits and '-', starting with a letter or digit, at most 63 characters";
    public static final String READING_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    public static final String READING_ID_MESSAGE = "must be letters, digits and '.', '_', ':', '-', starting with a letter or digit, at most 128 characters";

    private Ids() {
    }
}

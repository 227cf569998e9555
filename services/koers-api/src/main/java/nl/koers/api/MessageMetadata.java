package nl.koers.api;

/**
 * The metadata keys every command carries, and Axon copies to the events it causes: set by the application (the web
 * layer, Kafka ingestion, the signal sweep), read by the history.
 */
public final class MessageMetadata {

    /** Who caused the message: a token's or user's name. */
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    /** The actor of what Koers does by itself, such as the time-driven signal sweep. */
    public static final String SYSTEM_ACTOR = "koers";

    private MessageMetadata() {
    }
}

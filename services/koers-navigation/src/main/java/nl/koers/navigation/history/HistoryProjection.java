package nl.koers.navigation.history;

import static nl.koers.navigation.Columns.timestamp;

import nl.koers.api.ProgrammeEvent;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every event of a programme, with who caused it (the actor in its metadata) and when it was recorded: the history,
 * the changes between two moments, and the events the as-of views fold. Keyed by the event's global index, so a
 * batch the processor retries writes each event once.
 */
@Component
@ProcessingGroup(ProgrammeProjection.PROCESSING_GROUP)
public class HistoryProjection {

    /** The metadata keys the application puts on every command, and Axon copies to the events it causes. */
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    /** The actor of what Koers does by itself, such as the time-driven signal sweep. */
    public static final String SYSTEM_ACTOR = "koers";

    private final JdbcClient jdbc;
    private final JsonText json;

    public HistoryProjection(JdbcClient jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table nav_history").update();
    }

    @EventHandler
    void on(ProgrammeEvent event, TrackedEventMessage<?> message) {
        HistorySubject subject = HistorySubject.of(event);
        long globalIndex = message.trackingToken().position()
                .orElseThrow(() -> new IllegalStateException("An event without a position in the store: " + message));
        jdbc.sql("""
                        insert into nav_history (global_index, programme_id, recorded_at, type, payload_type, subject_kind,
                                                 subject_id, actor, correlation_id, data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))
                        on conflict (global_index) do nothing""")
                .params(globalIndex, event.programmeId(), timestamp(message.getTimestamp()),
                        event.getClass().getSimpleName(), event.getClass().getName(), subject.kind().name(), subject.id(),
                        text(message.getMetaData().get(ACTOR)), text(message.getMetaData().get(CORRELATION_ID)),
                        json.write(event))
                .update();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

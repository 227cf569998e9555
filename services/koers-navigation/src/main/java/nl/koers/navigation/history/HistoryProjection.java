package nl.koers.navigation.history;

import static nl.koers.navigation.Columns.timestamp;

import nl.koers.api.MessageMetadata;
import nl.koers.api.ProgrammeEvent;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.ProjectionWrites;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Every event of a programme, with who caused it (the actor in its metadata) and when it was recorded: the history,
 * the changes between two moments, and the events the as-of views fold, keyed and ordered by the event's global
 * index in the store.
 */
@Component
@ProcessingGroup(ProgrammeProjection.PROCESSING_GROUP)
public class HistoryProjection {

    private final ProjectionWrites writes;
    private final JsonText json;
    private final ParsedHistories parsed;

    public HistoryProjection(ProjectionWrites writes, JsonText json, ParsedHistories parsed) {
        this.writes = writes;
        this.json = json;
        this.parsed = parsed;
    }

    @ResetHandler
    void reset() {
        writes.write("truncate table nav_history");
        parsed.clear();
    }

    /**
     * The event's place in the store is read from the store itself: a tracking token's position is the highest index
     * seen so far, which for an event committed late (one that fills a gap) is another event's index. No row is
     * inserted (which fails the insert) for an event that is not in the store.
     */
    @EventHandler
    void on(ProgrammeEvent event, EventMessage<?> message) {
        HistorySubject subject = HistorySubject.of(event);
        writes.insertIndependentRow("""
                        insert into nav_history (global_index, programme_id, recorded_at, type, payload_type, subject_kind,
                                                 subject_id, change_group, actor, correlation_id, data)
                        select global_index, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json)
                        from domain_event_entry where event_identifier = ?""",
                event.programmeId(), timestamp(message.getTimestamp()), event.getClass().getSimpleName(),
                event.getClass().getName(), subject.kind().name(), subject.id(), ChangeGroup.of(event.getClass()).name(),
                text(message.getMetaData().get(MessageMetadata.ACTOR)), text(message.getMetaData().get(MessageMetadata.CORRELATION_ID)),
                json.write(event), message.getIdentifier());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

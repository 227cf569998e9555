package nl.koers.navigation.signal;

import static nl.koers.navigation.Columns.timestamp;

import java.time.Instant;

import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvent;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalState;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.ProjectionWrites;
import nl.koers.navigation.programme.ProgrammeProjection;
import nl.koers.navigation.programme.ProgrammeVersions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Signals with their current state; in the programme view's processing group, so both move together. */
@Component
@ProcessingGroup(ProgrammeProjection.PROCESSING_GROUP)
public class SignalProjection {

    private final ProjectionWrites writes;
    private final JsonText json;
    private final ProgrammeVersions programmes;

    public SignalProjection(ProjectionWrites writes, JsonText json, ProgrammeVersions programmes) {
        this.writes = writes;
        this.json = json;
        this.programmes = programmes;
    }

    @ResetHandler
    void reset() {
        writes.write("truncate table nav_signal, nav_signal_version");
    }

    @EventHandler
    void on(SignalRaised event, @Timestamp Instant at) {
        writes.write("""
                        insert into nav_signal (signal_id, programme_id, type, subject_kind, subject_id, severity, state,
                                                raised_at, explanation, evidence, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.signalId(), event.programmeId(), event.type().name(), event.subject().kind().name(),
                event.subject().id(), event.severity().name(), SignalState.OPEN.name(), timestamp(at),
                event.explanation(), json.write(event.evidence()), timestamp(at));
        addVersion(event, at);
        programmes.record(event.programmeId(), at);
    }

    @EventHandler
    void on(SignalSeverityChanged event, @Timestamp Instant at) {
        writes.write("update nav_signal set severity = ?, explanation = ?, evidence = ?, updated_at = ? where signal_id = ?",
                event.severity().name(), event.explanation(), json.write(event.evidence()), timestamp(at), event.signalId());
        addVersion(event, at);
        programmes.record(event.programmeId(), at);
    }

    @EventHandler
    void on(SignalEvidenceUpdated event, @Timestamp Instant at) {
        writes.write("update nav_signal set explanation = ?, evidence = ?, updated_at = ? where signal_id = ?",
                event.explanation(), json.write(event.evidence()), timestamp(at), event.signalId());
        addVersion(event, at);
    }

    @EventHandler
    void on(SignalAcknowledged event, @Timestamp Instant at) {
        writes.write("""
                        update nav_signal set state = ?, acknowledged_at = ?, acknowledged_by = ?, acknowledged_note = ?,
                                              updated_at = ?
                        where signal_id = ?""",
                SignalState.ACKNOWLEDGED.name(), timestamp(at), event.by(), event.note(), timestamp(at), event.signalId());
        addVersion(event, at);
    }

    @EventHandler
    void on(SignalCleared event, @Timestamp Instant at) {
        writes.write("update nav_signal set state = ?, cleared_at = ?, cleared_because = ?, updated_at = ? where signal_id = ?",
                SignalState.CLEARED.name(), timestamp(at), event.explanation(), timestamp(at), event.signalId());
        addVersion(event, at);
        programmes.record(event.programmeId(), at);
    }

    /** The signal as its event left it, known from the event's recorded time (V13's {@code nav_signal_version}). */
    private void addVersion(SignalEvent event, Instant at) {
        writes.write("""
                        insert into nav_signal_version (signal_id, programme_id, known_from, type, subject_kind, subject_id,
                                                        severity, state, raised_at, explanation, acknowledged_by,
                                                        cleared_at)
                        select signal_id, programme_id, ?, type, subject_kind, subject_id, severity, state, raised_at,
                               explanation, acknowledged_by, cleared_at
                        from nav_signal where signal_id = ?""",
                timestamp(at), event.signalId());
    }
}

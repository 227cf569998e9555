package nl.koers.api.signal;

import java.util.Map;

/**
 * The facts behind an open signal changed while it stays open at the same severity (a later reading, an outcome, a
 * new forecast): its sentence and numbers as they are now. The signal keeps its id and its raisedAt.
 */
public record SignalEvidenceUpdated(
        String programmeId,
        String signalId,
        SignalType type,
        Subject subject,
        Severity severity,
        String explanation,
        Map<String, Object> evidence) implements SignalEvent {
}

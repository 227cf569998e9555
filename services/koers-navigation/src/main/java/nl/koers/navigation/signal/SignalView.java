package nl.koers.navigation.signal;

import java.time.Instant;
import java.util.Map;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;

public record SignalView(
        String id,
        SignalType type,
        Severity severity,
        SignalState state,
        Subject subject,
        Instant raisedAt,
        String explanation,
        Map<String, Object> evidence,
        Acknowledgement acknowledgement,
        Instant clearedAt) {

    /** Who acknowledged the signal, as recorded in the minutes. */
    public record Acknowledgement(Instant at, String by, String note) {
    }
}

package nl.koers.api.signal;

import java.util.Map;


/** An open signal turned more severe (escalated) or less severe, with the explanation that goes with it now. */
public record SignalSeverityChanged(
        String programmeId,
        String signalId,
        SignalType type,
        Subject subject,
        Severity previousSeverity,
        Severity severity,
        String explanation,
        Map<String, Object> evidence) implements SignalEvent {
}

package nl.koers.api.signal;

import java.util.Map;


/** {@code explanation}: one sentence with the numbers; {@code evidence}: the same numbers as fields. */
public record SignalRaised(
        String programmeId,
        String signalId,
        SignalType type,
        Subject subject,
        Severity severity,
        String explanation,
        Map<String, Object> evidence) implements SignalEvent {
}

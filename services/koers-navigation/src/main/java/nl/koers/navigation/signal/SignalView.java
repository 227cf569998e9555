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

    SignalView withFacts(Severity newSeverity, String newExplanation, Map<String, Object> newEvidence) {
        return new SignalView(id, type, newSeverity, state, subject, raisedAt, newExplanation, newEvidence,
                acknowledgement, clearedAt);
    }

    SignalView acknowledgedBy(Acknowledgement by) {
        return new SignalView(id, type, severity, SignalState.ACKNOWLEDGED, subject, raisedAt, explanation, evidence, by,
                clearedAt);
    }

    SignalView clearedOn(Instant at) {
        return new SignalView(id, type, severity, SignalState.CLEARED, subject, raisedAt, explanation, evidence,
                acknowledgement, at);
    }

    /** Who acknowledged the signal, as recorded in the minutes. */
    public record Acknowledgement(Instant at, String by, String note) {
    }
}

package nl.koers.navigation.signal;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;

/** Narrows GET /signals; a null field does not filter. */
public record SignalFilter(String programmeId, SignalState state, Severity severity, SignalType type) {

    public static SignalFilter openOf(String programmeId) {
        return new SignalFilter(programmeId, null, null, null);
    }
}

package nl.koers.api.signal;

import nl.koers.api.ProgrammeEvent;

/** The signal's condition no longer holds (or its programme closed). */
public record SignalCleared(
        String programmeId, String signalId, SignalType type, Subject subject, String explanation) implements ProgrammeEvent {
}

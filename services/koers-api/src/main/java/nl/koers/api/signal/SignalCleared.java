package nl.koers.api.signal;

/** The signal's condition no longer holds (or its programme closed). */
public record SignalCleared(
        String programmeId, String signalId, SignalType type, Subject subject, String explanation) implements SignalEvent {
}

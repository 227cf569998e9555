package nl.koers.api.signal;

/** {@code by}: the name recorded in the minutes. */
public record SignalAcknowledged(String programmeId, String signalId, String by, String note) implements SignalEvent {
}

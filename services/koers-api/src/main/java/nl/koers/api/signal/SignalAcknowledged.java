package nl.koers.api.signal;

import nl.koers.api.ProgrammeEvent;

/** {@code by}: the name recorded in the minutes. */
public record SignalAcknowledged(String programmeId, String signalId, String by, String note) implements ProgrammeEvent {
}

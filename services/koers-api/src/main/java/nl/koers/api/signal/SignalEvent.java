package nl.koers.api.signal;

import nl.koers.api.ProgrammeEvent;

/**
 * An event about one signal: its raising and every later change. Consumers that follow signals (the signal
 * subscriptions) handle this type, so the events of the rest of the store are never read into objects for them.
 */
public interface SignalEvent extends ProgrammeEvent {

    String signalId();
}

package nl.koers.navigation.signal;

import java.time.Instant;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;

/** {@code count} open signals of one programme, type, severity and state, the oldest raised at {@code oldestRaisedAt}. */
public record OpenTally(String programmeId, SignalType type, Severity severity, SignalState state, int count,
                        Instant oldestRaisedAt) {
}

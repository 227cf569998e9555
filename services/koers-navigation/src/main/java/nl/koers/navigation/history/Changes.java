package nl.koers.navigation.history;

import java.time.Instant;
import java.util.List;

/**
 * What was recorded in [from, to), grouped the way a steering committee reads it. Every event of the period is in
 * exactly one group; {@code other} holds those no group names (definitions, retargets, plans, status changes).
 */
public record Changes(
        Instant from,
        Instant to,
        List<HistoryEntry> readings,
        List<HistoryEntry> correctionsAndRetractions,
        List<HistoryEntry> milestoneMoves,
        List<HistoryEntry> decisions,
        SignalChanges signals,
        List<HistoryEntry> other) {

    /**
     * {@code escalated}: severity raised; {@code deescalated}: severity lowered while the signal stayed open;
     * {@code updated}: the sentence and numbers of an open signal followed the facts at the same severity.
     */
    public record SignalChanges(
            List<HistoryEntry> raised,
            List<HistoryEntry> escalated,
            List<HistoryEntry> deescalated,
            List<HistoryEntry> updated,
            List<HistoryEntry> acknowledged,
            List<HistoryEntry> cleared) {
    }
}

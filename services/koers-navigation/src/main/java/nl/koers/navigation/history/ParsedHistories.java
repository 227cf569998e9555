package nl.koers.navigation.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parsed events of the programmes whose as-of views were asked for lately, so that the next view reads and parses
 * only the rows recorded since: at most {@code koers.history.parsed-events} events in all, the programme asked for
 * least recently dropped first.
 */
@Component
public class ParsedHistories {

    /**
     * A programme's events in recorded order: every row of the history up to and including the last of them (by
     * recordedAt, then global index) when they were read.
     */
    record Prefix(List<RecordedEvent> events, long lastIndex) {

        Instant lastRecordedAt() {
            return events.get(events.size() - 1).recordedAt();
        }

        /** How many of the events were recorded up to and including {@code asOf}. */
        int through(Instant asOf) {
            int low = 0;
            int high = events.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (events.get(middle).recordedAt().isAfter(asOf)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }
    }

    private final int capacity;
    private final LinkedHashMap<String, Prefix> prefixes = new LinkedHashMap<>(16, 0.75f, true);
    private int size;

    public ParsedHistories(@Value("${koers.history.parsed-events:100000}") int capacity) {
        this.capacity = capacity;
    }

    synchronized Prefix get(String programmeId) {
        return prefixes.get(programmeId);
    }

    synchronized void put(String programmeId, Prefix prefix) {
        Prefix previous = prefixes.remove(programmeId);
        size -= previous == null ? 0 : previous.events().size();
        if (prefix.events().size() > capacity) {
            return;
        }
        prefixes.put(programmeId, prefix);
        size += prefix.events().size();
        var eldest = prefixes.values().iterator();
        while (size > capacity) {
            size -= eldest.next().events().size();
            eldest.remove();
        }
    }

    /** Forgets every programme: the history is emptied for a rebuild. */
    synchronized void clear() {
        prefixes.clear();
        size = 0;
    }
}

package nl.koers.http;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.navigation.history.Changes;
import nl.koers.navigation.history.HistoryEntry;
import nl.koers.navigation.history.HistoryTables;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A programme's events in recorded order, and what changed between two moments (transaction time). */
@RestController
@RequestMapping(path = "/api/v1/programmes/{pid}", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    private final HistoryTables history;

    HistoryController(HistoryTables history) {
        this.history = history;
    }

    @Operation(summary = "Read a programme's history", description = "Every event of the programme in recorded order, with who caused it and in which request; `from` and `to` narrow it to [from, to).")
    @GetMapping("/history")
    List<HistoryEntry> history(@PathVariable String pid, @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to) {
        requireOrdered(from, to);
        requireKnown(pid);
        return history.history(pid, from, to);
    }

    @Operation(summary = "What changed between two moments", description = "What was recorded in [from, to), grouped: readings, corrections and retractions, milestone moves, decisions, signals and the rest.")
    @GetMapping("/changes")
    Changes changes(@PathVariable String pid, @RequestParam Instant from, @RequestParam Instant to) {
        requireOrdered(from, to);
        requireKnown(pid);
        return history.changes(pid, from, to);
    }

    private void requireKnown(String pid) {
        if (!history.knows(pid)) {
            throw new NotFoundException("There is no programme '" + pid + "'.");
        }
    }

    static void requireOrdered(Instant from, Instant to) {
        requireOrdered("from", from, "to", to);
    }

    static void requireOrdered(String earlierName, Instant earlier, String laterName, Instant later) {
        if (earlier != null && later != null && earlier.isAfter(later)) {
            throw new RuleViolationException(earlierName, "must not be after '" + laterName + "'");
        }
    }
}

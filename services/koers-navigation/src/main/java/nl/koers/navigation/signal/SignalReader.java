package nl.koers.navigation.signal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.history.HistoryTables;
import nl.koers.navigation.history.RecordedEvent;
import org.springframework.stereotype.Component;

/**
 * The signals, today's or as they were known at a past moment: callers pass the moment they were asked for (null for
 * now) and never choose between the table and the fold themselves.
 */
@Component
public class SignalReader {

    private final SignalTables tables;
    private final HistoryTables history;

    SignalReader(SignalTables tables, HistoryTables history) {
        this.tables = tables;
        this.history = history;
    }

    /** The signals that pass the filter, newest first; {@code asOf} null: as they are now. */
    public List<SignalView> signals(SignalFilter filter, Instant asOf) {
        if (asOf == null) {
            return tables.signals(filter);
        }
        SignalFold fold = new SignalFold();
        for (RecordedEvent recorded : history.signalEvents(filter.programmeId(), asOf)) {
            fold.apply(recorded.event(), recorded.recordedAt());
        }
        return fold.signals(filter);
    }

    /** The OPEN and ACKNOWLEDGED signals of a programme now, about anything in it, newest first. */
    public List<SignalView> openSignals(String programmeId) {
        return tables.openSignals(programmeId);
    }

    /** The OPEN and ACKNOWLEDGED signals about one subject now, newest first. */
    public List<SignalView> openSignals(Subject subject) {
        return tables.openSignals(subject);
    }

    /** Open signals per programme and severity now, every severity present (zero when none). */
    public Map<String, Map<Severity, Integer>> openCountsByProgramme() {
        return tables.openCountsByProgramme();
    }

    /** The open signals of the portfolio now, counted by programme, type, severity and state. */
    public List<OpenTally> openTallies() {
        return tables.openTallies();
    }
}

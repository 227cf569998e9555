package nl.koers.navigation.history;

import static nl.koers.navigation.Columns.instant;
import static nl.koers.navigation.Columns.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectReader;
import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.navigation.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the history table: one programme's events at a time, by the moment they were recorded. */
@Component
public class HistoryTables {

    /** What {@link #entry} reads, by position: looking each column up by name showed in the profile of 10,000 rows. */
    private static final String ENTRY_COLUMNS = """
            select global_index, recorded_at, type, subject_kind, subject_id, actor, correlation_id, data, payload_type
            """;
    private static final Comparator<HistoryEntry> RECORDED_ORDER =
            Comparator.comparing(HistoryEntry::recordedAt).thenComparingLong(HistoryEntry::sequence);

    private final JdbcClient jdbc;
    private final JsonText json;
    private final ParsedHistories parsed;
    /** A reader per payload type the history holds, by the type's name. */
    private final Map<String, ObjectReader> readers = new ConcurrentHashMap<>();
    /** The event types the history holds, by name. */
    private final Map<String, Class<? extends ProgrammeEvent>> types = new ConcurrentHashMap<>();

    public HistoryTables(JdbcClient jdbc, JsonText json, ParsedHistories parsed) {
        this.jdbc = jdbc;
        this.json = json;
        this.parsed = parsed;
    }

    /** Whether the programme has a history at all, that is, whether it was ever defined. */
    public boolean knows(String programmeId) {
        return jdbc.sql("select exists (select 1 from nav_history where programme_id = ?)")
                .param(programmeId)
                .query(Boolean.class)
                .single();
    }

    /** The programme's events recorded in [from, to) in recorded order; a null bound does not limit. */
    public List<HistoryEntry> history(String programmeId, Instant from, Instant to) {
        return inRecordedOrder(jdbc.sql(ENTRY_COLUMNS + """
                        from nav_history
                        where programme_id = :programme
                          and (cast(:from as timestamptz) is null or recorded_at >= :from)
                          and (cast(:to as timestamptz) is null or recorded_at < :to)""")
                .param("programme", programmeId)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query((row, n) -> entry(row))
                .list());
    }

    /** What was recorded in [from, to), grouped. */
    public Changes changes(String programmeId, Instant from, Instant to) {
        return ChangeGroup.group(from, to, history(programmeId, from, to), this::isEscalation);
    }

    /** What was recorded in [from, through], grouped: the changes a view as of {@code through} includes. */
    public Changes changesThrough(String programmeId, Instant from, Instant through) {
        return ChangeGroup.group(from, through, inRecordedOrder(jdbc.sql(ENTRY_COLUMNS + """
                        from nav_history
                        where programme_id = ? and recorded_at >= ? and recorded_at <= ?""")
                .params(programmeId, timestamp(from), timestamp(through))
                .query((row, n) -> entry(row))
                .list()), this::isEscalation);
    }

    /**
     * The programme's events recorded up to and including {@code asOf}, in recorded order. Rows parsed for an earlier
     * view are not read again: the history only grows and its rows never change, so they are all still there as long
     * as the table holds as many rows up to the last of them as when they were read. A row that landed among them
     * since (an event committed late) or a rebuild changes that count, and then every row is read again.
     */
    public List<RecordedEvent> events(String programmeId, Instant asOf) {
        ParsedHistories.Prefix known = parsed.get(programmeId);
        if (known != null) {
            int knownThrough = known.through(asOf);
            Read since = new Read();
            jdbc.sql("""
                            select counted.rows, since.global_index, since.recorded_at, since.payload_type, since.data
                            from (select count(*) as rows from nav_history
                                  where programme_id = :programme and recorded_at <= :asOf
                                    and (recorded_at, global_index) <= (:lastAt, :lastIndex)) counted
                            left join (select global_index, recorded_at, payload_type, data from nav_history
                                       where programme_id = :programme and recorded_at <= :asOf
                                         and (recorded_at, global_index) > (:lastAt, :lastIndex)) since on true
                            order by since.recorded_at, since.global_index""")
                    .param("programme", programmeId)
                    .param("asOf", timestamp(asOf))
                    .param("lastAt", timestamp(known.lastRecordedAt()))
                    .param("lastIndex", known.lastIndex())
                    .query(row -> {
                        since.counted = row.getLong("rows");
                        if (row.getString("payload_type") != null) {
                            since.add(row);
                        }
                    });
            if (since.counted == knownThrough) {
                if (since.events.isEmpty()) {
                    return known.events().subList(0, knownThrough);
                }
                List<RecordedEvent> events = new ArrayList<>(known.events());
                events.addAll(since.events);
                return remember(programmeId, events, since.lastIndex);
            }
        }
        Read all = new Read();
        jdbc.sql("""
                        select global_index, recorded_at, payload_type, data from nav_history
                        where programme_id = ? and recorded_at <= ? order by recorded_at, global_index""")
                .params(programmeId, timestamp(asOf))
                .query(all::add);
        return all.events.isEmpty() ? List.of() : remember(programmeId, all.events, all.lastIndex);
    }

    private List<RecordedEvent> remember(String programmeId, List<RecordedEvent> events, long lastIndex) {
        ParsedHistories.Prefix prefix = new ParsedHistories.Prefix(List.copyOf(events), lastIndex);
        parsed.put(programmeId, prefix);
        return prefix.events();
    }

    /** Rows as they are read, in recorded order: their events, the global index of the last, and a count if asked. */
    private final class Read {
        private final List<RecordedEvent> events = new ArrayList<>();
        private long lastIndex;
        private long counted;

        private void add(ResultSet row) throws SQLException {
            events.add(recorded(row));
            lastIndex = row.getLong("global_index");
        }
    }

    /**
     * What the portfolio needs of every programme, recorded up to and including {@code asOf}: the events about the
     * programmes themselves, their evaluations and their signals (not the readings), in recorded order per programme.
     */
    public Map<String, List<RecordedEvent>> portfolioEvents(Instant asOf) {
        Map<String, List<RecordedEvent>> events = new TreeMap<>();
        jdbc.sql("""
                        select programme_id, recorded_at, payload_type, data from nav_history
                        where subject_kind in ('PROGRAMME', 'EVALUATION', 'SIGNAL') and recorded_at <= ?
                        order by recorded_at, global_index""")
                .param(timestamp(asOf))
                .query(row -> {
                    events.computeIfAbsent(row.getString("programme_id"), id -> new ArrayList<>()).add(recorded(row));
                });
        return events;
    }

    /** The signal events recorded up to and including {@code asOf}, of one programme or (when null) all. */
    public List<RecordedEvent> signalEvents(String programmeId, Instant asOf) {
        return jdbc.sql("""
                        select recorded_at, payload_type, data from nav_history
                        where subject_kind = 'SIGNAL' and recorded_at <= :asOf
                          and (cast(:programme as varchar) is null or programme_id = :programme)
                        order by recorded_at, global_index""")
                .param("asOf", timestamp(asOf))
                .param("programme", programmeId)
                .query((row, n) -> recorded(row))
                .list();
    }

    private boolean isEscalation(HistoryEntry entry) {
        SignalSeverityChanged change = json.read(entry.data().text(), SignalSeverityChanged.class);
        return change.severity().compareTo(change.previousSeverity()) > 0;
    }

    private RecordedEvent recorded(ResultSet row) throws SQLException {
        ObjectReader reader = readers.computeIfAbsent(row.getString("payload_type"),
                name -> json.readerFor(eventType(name)));
        return new RecordedEvent(json.read(row.getString("data"), reader), instant(row, "recorded_at"));
    }

    private Class<? extends ProgrammeEvent> eventType(String name) {
        return types.computeIfAbsent(name, HistoryTables::load);
    }

    private static Class<? extends ProgrammeEvent> load(String name) {
        try {
            return Class.forName(name).asSubclass(ProgrammeEvent.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The history holds an event type this version does not know: " + name, e);
        }
    }

    /**
     * Sorted here, not by the query: PostgreSQL reads a programme's rows fastest by a bitmap of its index and would
     * then sort them with all their data (some 40 ms for 10,000 rows); in Java it is a sort of references to rows that
     * mostly come in order already.
     */
    private static List<HistoryEntry> inRecordedOrder(List<HistoryEntry> entries) {
        return entries.stream().sorted(RECORDED_ORDER).toList();
    }

    private HistoryEntry entry(ResultSet row) throws SQLException {
        return new HistoryEntry(row.getLong(1), instant(row, 2), row.getString(3),
                new HistorySubject(HistorySubject.Kind.valueOf(row.getString(4)), row.getString(5)),
                row.getString(6), row.getString(7), StoredJson.ofUtf8(row.getBytes(8)), eventType(row.getString(9)));
    }
}

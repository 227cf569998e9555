package nl.koers.navigation.signal;

import static nl.koers.navigation.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The signal view's table, read into views. */
@Component
class SignalTables {

    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonText json;

    SignalTables(JdbcClient jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Newest first. */
    List<SignalView> signals(SignalFilter filter) {
        return jdbc.sql("""
                        select * from nav_signal
                        where (cast(:programme as varchar) is null or programme_id = :programme)
                          and (cast(:state as varchar) is null or state = :state)
                          and (cast(:severity as varchar) is null or severity = :severity)
                          and (cast(:type as varchar) is null or type = :type)
                        order by raised_at desc, signal_id""")
                .param("programme", filter.programmeId())
                .param("state", name(filter.state()))
                .param("severity", name(filter.severity()))
                .param("type", name(filter.type()))
                .query((row, n) -> signal(row))
                .list();
    }

    /** The OPEN and ACKNOWLEDGED signals of a programme, about anything in it, newest first. */
    List<SignalView> openSignals(String programmeId) {
        return openSignals(programmeId, null, null);
    }

    /** The OPEN and ACKNOWLEDGED signals about one subject, newest first. */
    List<SignalView> openSignals(Subject subject) {
        return openSignals(subject.programmeId(), subject.kind().name(), subject.id());
    }

    private List<SignalView> openSignals(String programmeId, String subjectKind, String subjectId) {
        return jdbc.sql("""
                        select * from nav_signal
                        where programme_id = :programme and state <> 'CLEARED'
                          and (cast(:kind as varchar) is null or (subject_kind = :kind and subject_id = :subject))
                        order by raised_at desc, signal_id""")
                .param("programme", programmeId)
                .param("kind", subjectKind)
                .param("subject", subjectId)
                .query((row, n) -> signal(row))
                .list();
    }

    /** Open signals per programme and severity, every severity present (zero when none). */
    Map<String, Map<Severity, Integer>> openCountsByProgramme() {
        Map<String, Map<Severity, Integer>> counts = new HashMap<>();
        jdbc.sql("select programme_id, severity, count(*) as n from nav_signal where state <> 'CLEARED' group by programme_id, severity")
                .query(row -> {
                    counts.computeIfAbsent(row.getString("programme_id"), id -> SignalViews.zeroCounts())
                            .put(Severity.valueOf(row.getString("severity")), row.getInt("n"));
                });
        return counts;
    }

    /** The open signals of the portfolio counted by programme, type, severity and state, with the oldest of each. */
    List<OpenTally> openTallies() {
        return jdbc.sql("""
                        select programme_id, type, severity, state, count(*) as n, min(raised_at) as oldest
                        from nav_signal where state <> 'CLEARED' group by programme_id, type, severity, state""")
                .query((row, n) -> new OpenTally(row.getString("programme_id"), SignalType.valueOf(row.getString("type")),
                        Severity.valueOf(row.getString("severity")), SignalState.valueOf(row.getString("state")),
                        row.getInt("n"), instant(row, "oldest")))
                .list();
    }

    private SignalView signal(ResultSet row) throws SQLException {
        String by = row.getString("acknowledged_by");
        return new SignalView(row.getString("signal_id"), SignalType.valueOf(row.getString("type")),
                Severity.valueOf(row.getString("severity")), SignalState.valueOf(row.getString("state")),
                new Subject(Subject.Kind.valueOf(row.getString("subject_kind")), row.getString("subject_id"),
                        row.getString("programme_id")),
                instant(row, "raised_at"), row.getString("explanation"), json.read(row.getString("evidence"), EVIDENCE),
                by == null ? null : new SignalView.Acknowledgement(instant(row, "acknowledged_at"), by,
                        row.getString("acknowledged_note")),
                instant(row, "cleared_at"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

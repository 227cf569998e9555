package nl.koers.navigation.programme;

import static nl.koers.navigation.Columns.date;
import static nl.koers.navigation.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.navigation.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the programme view projection. */
@Component
public class ProgrammeQueries {

    private static final Comparator<ReadingView> LATEST_FIRST = Comparator
            .comparing(ReadingView::measuredAt).thenComparing(ReadingView::recordedAt).reversed();

    private final JdbcClient jdbc;
    private final JsonText json;

    public ProgrammeQueries(JdbcClient jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<ProgrammeSummary> programmes() {
        return jdbc.sql("""
                        select programme_id, name, owner, status, start_date, planned_end_date
                        from nav_programme order by programme_id""")
                .query((row, n) -> new ProgrammeSummary(row.getString("programme_id"), row.getString("name"),
                        row.getString("owner"), ProgrammeStatus.valueOf(row.getString("status")),
                        date(row, "start_date"), date(row, "planned_end_date")))
                .list();
    }

    public Optional<ProgrammeView> programme(String programmeId) {
        return jdbc.sql("select * from nav_programme where programme_id = ?")
                .param(programmeId)
                .query((row, n) -> new ProgrammeView(programmeId, row.getString("name"), row.getString("description"),
                        row.getString("owner"), date(row, "start_date"), date(row, "planned_end_date"),
                        ProgrammeStatus.valueOf(row.getString("status")),
                        objectives(programmeId), kpis(programmeId), milestones(programmeId, null),
                        evaluations(programmeId, null), instant(row, "defined_at"), instant(row, "updated_at")))
                .optional();
    }

    public Optional<KpiView> kpi(String programmeId, String kpiId) {
        List<ReadingView> readings = jdbc.sql("""
                        select * from nav_reading where programme_id = ? and kpi_id = ?
                        order by measured_at, recorded_at""")
                .params(programmeId, kpiId)
                .query((row, n) -> reading(row, null))
                .list();
        List<KpiView.Retarget> retargets = jdbc.sql("""
                        select * from nav_kpi_retarget where programme_id = ? and kpi_id = ? order by effective_at""")
                .params(programmeId, kpiId)
                .query((row, n) -> new KpiView.Retarget(instant(row, "effective_at"), row.getBigDecimal("target"),
                        date(row, "target_date"), row.getBigDecimal("tolerance"), row.getBigDecimal("previous_target"),
                        date(row, "previous_target_date"), row.getString("reason")))
                .list();
        return jdbc.sql("select * from nav_kpi where programme_id = ? and kpi_id = ?")
                .params(programmeId, kpiId)
                .query((row, n) -> kpi(row, latest(readings), retargets, readings))
                .optional();
    }

    public Optional<ReadingView> reading(String programmeId, String kpiId, String readingId) {
        List<ReadingVersion> versions = jdbc.sql("""
                        select * from nav_reading_version
                        where programme_id = ? and kpi_id = ? and reading_id = ? order by version""")
                .params(programmeId, kpiId, readingId)
                .query((row, n) -> new ReadingVersion(row.getInt("version"),
                        ReadingVersion.Kind.valueOf(row.getString("kind")), row.getBigDecimal("value"),
                        row.getString("reason"), instant(row, "recorded_at")))
                .list();
        return jdbc.sql("select * from nav_reading where programme_id = ? and kpi_id = ? and reading_id = ?")
                .params(programmeId, kpiId, readingId)
                .query((row, n) -> reading(row, versions))
                .optional();
    }

    public Optional<MilestoneView> milestone(String programmeId, String milestoneId) {
        return milestones(programmeId, milestoneId).stream().findFirst();
    }

    public Optional<EvaluationView> evaluation(String programmeId, String evaluationId) {
        return evaluations(programmeId, evaluationId).stream().findFirst();
    }

    private List<Objective> objectives(String programmeId) {
        return jdbc.sql("select objective_id, statement from nav_objective where programme_id = ? order by position")
                .param(programmeId)
                .query((row, n) -> new Objective(row.getString("objective_id"), row.getString("statement")))
                .list();
    }

    private List<KpiView> kpis(String programmeId) {
        Map<String, ReadingView> latest = jdbc.sql("""
                        select distinct on (kpi_id) * from nav_reading
                        where programme_id = ? and not retracted
                        order by kpi_id, measured_at desc, recorded_at desc""")
                .param(programmeId)
                .query((row, n) -> Map.entry(row.getString("kpi_id"), reading(row, null)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return jdbc.sql("select * from nav_kpi where programme_id = ? order by kpi_id")
                .param(programmeId)
                .query((row, n) -> kpi(row, latest.get(row.getString("kpi_id")), null, null))
                .list();
    }

    private List<MilestoneView> milestones(String programmeId, String milestoneId) {
        Map<String, List<MilestoneView.Rebaseline>> rebaselines = jdbc.sql("""
                        select * from nav_milestone_rebaseline
                        where programme_id = ? and (cast(? as varchar) is null or milestone_id = ?) order by rebaselined_at""")
                .params(programmeId, milestoneId, milestoneId)
                .query((row, n) -> Map.entry(row.getString("milestone_id"), new MilestoneView.Rebaseline(
                        instant(row, "rebaselined_at"), date(row, "previous_due_date"), date(row, "due_date"),
                        row.getString("reason"), row.getString("approved_by"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        select * from nav_milestone
                        where programme_id = ? and (cast(? as varchar) is null or milestone_id = ?)
                        order by due_date, milestone_id""")
                .params(programmeId, milestoneId, milestoneId)
                .query((row, n) -> {
                    LocalDate due = date(row, "due_date");
                    LocalDate forecast = date(row, "forecast_date");
                    String id = row.getString("milestone_id");
                    return new MilestoneView(programmeId, id, row.getString("title"), due,
                            date(row, "original_due_date"), forecast,
                            forecast == null ? null : ChronoUnit.DAYS.between(due, forecast),
                            date(row, "achieved_on"), row.getBoolean("cancelled"), row.getString("cancel_reason"),
                            rebaselines.getOrDefault(id, List.of()));
                })
                .list();
    }

    private List<EvaluationView> evaluations(String programmeId, String evaluationId) {
        return jdbc.sql("""
                        select * from nav_evaluation
                        where programme_id = ? and (cast(? as varchar) is null or evaluation_id = ?)
                        order by scheduled_for, evaluation_id""")
                .params(programmeId, evaluationId, evaluationId)
                .query((row, n) -> new EvaluationView(programmeId, row.getString("evaluation_id"),
                        row.getString("title"), date(row, "scheduled_for"), outcome(row)))
                .list();
    }

    private EvaluationView.Outcome outcome(ResultSet row) throws SQLException {
        if (row.getString("decision") == null) {
            return null;
        }
        return new EvaluationView.Outcome(date(row, "held_on"),
                DeliveryConfidence.valueOf(row.getString("delivery_confidence")),
                Decision.valueOf(row.getString("decision")), row.getString("summary"),
                json.read(row.getString("actions"), new TypeReference<List<Action>>() { }),
                json.read(row.getString("addressed_signals"), new TypeReference<List<String>>() { }),
                instant(row, "outcome_recorded_at"));
    }

    private static KpiView kpi(ResultSet row, ReadingView latest, List<KpiView.Retarget> retargets,
                               List<ReadingView> readings) throws SQLException {
        String lever = row.getString("lever");
        return new KpiView(row.getString("programme_id"), row.getString("kpi_id"), row.getString("name"),
                row.getString("unit"), Direction.valueOf(row.getString("direction")), row.getBigDecimal("baseline"),
                date(row, "baseline_date"), row.getBigDecimal("target"), date(row, "target_date"),
                row.getBigDecimal("tolerance"), row.getString("cadence"), row.getString("objective_id"),
                lever == null ? null : Lever.valueOf(lever), instant(row, "defined_at"), latest, retargets, readings);
    }

    private static ReadingView reading(ResultSet row, List<ReadingVersion> versions) throws SQLException {
        return new ReadingView(row.getString("reading_id"), row.getBigDecimal("value"), instant(row, "measured_at"),
                instant(row, "recorded_at"), row.getString("source"), row.getString("note"),
                row.getBoolean("corrected"), row.getBoolean("retracted"), versions);
    }

    private static ReadingView latest(List<ReadingView> readings) {
        return readings.stream().filter(reading -> !reading.retracted()).min(LATEST_FIRST).orElse(null);
    }
}

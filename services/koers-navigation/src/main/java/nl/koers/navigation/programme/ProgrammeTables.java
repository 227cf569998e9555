package nl.koers.navigation.programme;

import static nl.koers.navigation.Columns.date;
import static nl.koers.navigation.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.navigation.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The programme tables of the programme view, read into rows: programmes, objectives, milestones, evaluations. */
@Component
class ProgrammeTables {

    private final JdbcClient jdbc;
    private final JsonText json;

    ProgrammeTables(JdbcClient jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ProgrammeRow> programmes() {
        return jdbc.sql("select * from nav_programme order by programme_id").query((row, n) -> programme(row)).list();
    }

    Optional<ProgrammeRow> programme(String programmeId) {
        return jdbc.sql("select * from nav_programme where programme_id = ?")
                .param(programmeId)
                .query((row, n) -> programme(row))
                .optional();
    }

    List<Objective> objectives(String programmeId) {
        return jdbc.sql("select objective_id, statement from nav_objective where programme_id = ? order by position")
                .param(programmeId)
                .query((row, n) -> new Objective(row.getString("objective_id"), row.getString("statement")))
                .list();
    }

    /** The outcome of each programme's evaluation held last (of two held on one day, the one recorded last). */
    Map<String, EvaluationView.Outcome> lastOutcomes() {
        return jdbc.sql("""
                        select distinct on (programme_id) * from nav_evaluation
                        where held_on is not null order by programme_id, held_on desc, outcome_recorded_at desc""")
                .query((row, n) -> Map.entry(row.getString("programme_id"), outcome(row)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The milestones of a programme (all when null), or the one with the id given, with their slips, by due date. */
    List<MilestoneView> milestones(String programmeId, String milestoneId) {
        Map<String, List<MilestoneView.Rebaseline>> rebaselines = jdbc.sql("""
                        select * from nav_milestone_rebaseline
                        where (cast(? as varchar) is null or programme_id = ?)
                          and (cast(? as varchar) is null or milestone_id = ?) order by rebaselined_at""")
                .params(programmeId, programmeId, milestoneId, milestoneId)
                .query((row, n) -> Map.entry(row.getString("programme_id") + "/" + row.getString("milestone_id"),
                        new MilestoneView.Rebaseline(instant(row, "rebaselined_at"), date(row, "previous_due_date"),
                                date(row, "due_date"), row.getString("reason"), row.getString("approved_by"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        select m.*, p.start_date as programme_start_date
                        from nav_milestone m join nav_programme p using (programme_id)
                        where (cast(? as varchar) is null or m.programme_id = ?)
                          and (cast(? as varchar) is null or m.milestone_id = ?)
                        order by m.programme_id, m.due_date, m.milestone_id""")
                .params(programmeId, programmeId, milestoneId, milestoneId)
                .query((row, n) -> {
                    MilestoneRow milestone = new MilestoneRow(row.getString("programme_id"),
                            row.getString("milestone_id"), row.getString("title"), date(row, "start_date"),
                            date(row, "due_date"),
                            date(row, "original_due_date"), date(row, "forecast_date"), date(row, "achieved_on"),
                            row.getBoolean("cancelled"), row.getString("cancel_reason"));
                    return ProgrammeViews.milestone(milestone, date(row, "programme_start_date"), rebaselines.getOrDefault(
                            milestone.programmeId() + "/" + milestone.milestoneId(), List.of()));
                })
                .list();
    }

    /** The evaluations of a programme, or the one with the id given, by the day they are scheduled for. */
    List<EvaluationView> evaluations(String programmeId, String evaluationId) {
        return jdbc.sql("""
                        select * from nav_evaluation
                        where programme_id = ? and (cast(? as varchar) is null or evaluation_id = ?)
                        order by scheduled_for, evaluation_id""")
                .params(programmeId, evaluationId, evaluationId)
                .query((row, n) -> new EvaluationView(programmeId, row.getString("evaluation_id"),
                        row.getString("title"), date(row, "scheduled_for"), outcome(row)))
                .list();
    }

    private static ProgrammeRow programme(ResultSet row) throws SQLException {
        return new ProgrammeRow(row.getString("programme_id"), row.getString("name"), row.getString("description"),
                row.getString("owner"), date(row, "start_date"), date(row, "planned_end_date"),
                ProgrammeStatus.valueOf(row.getString("status")), instant(row, "defined_at"));
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
}

package nl.koers.navigation.programme;

import static nl.koers.navigation.Columns.date;
import static nl.koers.navigation.Columns.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiKey;
import nl.koers.api.kpi.Lever;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.signal.SignalQueries;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.Forecast;
import nl.koers.rules.Health;
import nl.koers.rules.KpiStatusRule;
import nl.koers.rules.MilestoneRules;
import nl.koers.rules.MilestoneSlip;
import nl.koers.rules.PlanLine;
import nl.koers.rules.ProgrammeHealth;
import nl.koers.rules.Reading;
import nl.koers.rules.Retarget;
import nl.koers.rules.Status;
import nl.koers.rules.Target;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the programme view projection and puts the navigation rules on it: plan line, status, forecast, health. */
@Component
public class ProgrammeQueries {

    /** Readings in the order they were measured, and recorded when measured at the same moment. */
    static final Comparator<ReadingRow> MEASURED_ORDER = Comparator
            .comparing(ReadingRow::measuredAt).thenComparing(ReadingRow::recordedAt);

    private final JdbcClient jdbc;
    private final JsonText json;
    private final SignalQueries signals;
    private final Clock clock;

    /**
     * The latest readings (by measuredAt, then recordedAt) of each KPI, of one programme or all: a few index steps
     * per KPI, where ranking every reading of the table would read all of them (at 1,000,000 readings 10x slower).
     */
    private static final String LATEST_READINGS = """
            select r.* from nav_kpi k cross join lateral (
                select * from nav_reading r
                where r.programme_id = k.programme_id and r.kpi_id = k.kpi_id and not r.retracted
                order by r.measured_at desc, r.recorded_at desc limit :readings) r
            where cast(:programme as varchar) is null or k.programme_id = :programme""";

    public ProgrammeQueries(JdbcClient jdbc, JsonText json, SignalQueries signals, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.signals = signals;
        this.clock = clock;
    }

    public List<ProgrammeSummary> programmes() {
        Map<String, Map<Severity, Integer>> counts = signals.openCountsByProgramme();
        Map<String, EvaluationView.Outcome> lastOutcomes = jdbc.sql("""
                        select distinct on (programme_id) * from nav_evaluation
                        where held_on is not null order by programme_id, held_on desc, outcome_recorded_at desc""")
                .query((row, n) -> Map.entry(row.getString("programme_id"), outcome(row)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return jdbc.sql("select * from nav_programme order by programme_id")
                .query((row, n) -> {
                    String id = row.getString("programme_id");
                    Map<Severity, Integer> open = counts.getOrDefault(id, SignalQueries.zeroCounts());
                    Optional<EvaluationView.Outcome> last = Optional.ofNullable(lastOutcomes.get(id));
                    return new ProgrammeSummary(id, row.getString("name"), row.getString("owner"),
                            ProgrammeStatus.valueOf(row.getString("status")), date(row, "start_date"),
                            date(row, "planned_end_date"), health(open),
                            last.map(EvaluationView.Outcome::deliveryConfidence).orElse(null),
                            last.map(EvaluationView.Outcome::heldOn).orElse(null), open);
                })
                .list();
    }

    public Optional<ProgrammeView> programme(String programmeId) {
        return jdbc.sql("select * from nav_programme where programme_id = ?")
                .param(programmeId)
                .query((row, n) -> row(row))
                .optional()
                .map(row -> view(programmeId, row, objectives(programmeId), kpis(programmeId),
                        milestones(programmeId, null), evaluations(programmeId, null), signals.openSignals(programmeId)));
    }

    /** The programme's picture from its parts; {@code open}: its open signals, newest first. */
    static ProgrammeView view(String programmeId, ProgrammeRow row, List<Objective> objectives, List<KpiView> kpis,
                              List<MilestoneView> milestones, List<EvaluationView> evaluations, List<SignalView> open) {
        Map<Severity, Integer> counts = SignalQueries.zeroCounts();
        open.forEach(signal -> counts.merge(signal.severity(), 1, Integer::sum));
        return new ProgrammeView(programmeId, row.name(), row.description(), row.owner(), row.startDate(),
                row.plannedEndDate(), row.status(), health(counts), lastDeliveryConfidence(evaluations),
                counts, objectives, kpis, milestones, evaluations, open, row.definedAt());
    }

    public Optional<KpiView> kpi(String programmeId, String kpiId) {
        return definition(programmeId, kpiId).map(kpi -> {
            List<KpiView.Retarget> retargets = retargets(programmeId, kpiId);
            List<ReadingRow> rows = jdbc.sql("""
                            select * from nav_reading where programme_id = ? and kpi_id = ?
                            order by measured_at, recorded_at""")
                    .params(programmeId, kpiId)
                    .query((row, n) -> ReadingRow.of(row))
                    .list();
            return view(kpi, retargets, rows, signals.openSignals(Subject.kpi(programmeId, kpiId)), clock.instant());
        });
    }

    /** The whole KPI at {@code now}: its readings ordered by measuredAt (then recordedAt), forecast and open signals. */
    static KpiView view(KpiRow kpi, List<KpiView.Retarget> retargets, List<ReadingRow> rows, List<SignalView> open,
                        Instant now) {
        PlanLine plan = kpi.planLine(rules(retargets));
        List<ReadingView> readings = rows.stream().map(reading -> reading.view(plan, kpi.direction(), null)).toList();
        ReadingRow latest = latest(rows);
        return kpi.view(plan, latest == null ? null : latest.view(plan, kpi.direction(), null), now,
                forecast(rows, plan, kpi), retargets, readings, open);
    }

    public Optional<ReadingView> reading(String programmeId, String kpiId, String readingId) {
        return definition(programmeId, kpiId).flatMap(kpi -> {
            List<ReadingVersion> versions = jdbc.sql("""
                            select * from nav_reading_version
                            where programme_id = ? and kpi_id = ? and reading_id = ? order by version""")
                    .params(programmeId, kpiId, readingId)
                    .query((row, n) -> new ReadingVersion(row.getInt("version"),
                            ReadingVersion.Kind.valueOf(row.getString("kind")), row.getBigDecimal("value"),
                            row.getString("reason"), instant(row, "recorded_at")))
                    .list();
            PlanLine plan = planLine(programmeId, kpiId).orElseThrow();
            return jdbc.sql("select * from nav_reading where programme_id = ? and kpi_id = ? and reading_id = ?")
                    .params(programmeId, kpiId, readingId)
                    .query((row, n) -> ReadingRow.of(row).view(plan, kpi.direction(), versions))
                    .optional();
        });
    }

    public Optional<MilestoneView> milestone(String programmeId, String milestoneId) {
        return milestones(programmeId, milestoneId).stream().findFirst();
    }

    public Optional<EvaluationView> evaluation(String programmeId, String evaluationId) {
        return evaluations(programmeId, evaluationId).stream().findFirst();
    }

    static Health health(Map<Severity, Integer> openCounts) {
        return ProgrammeHealth.of(openCounts.entrySet().stream()
                .filter(count -> count.getValue() > 0).map(Map.Entry::getKey).toList());
    }

    static DeliveryConfidence lastDeliveryConfidence(List<EvaluationView> evaluations) {
        return lastOutcome(evaluations).map(EvaluationView.Outcome::deliveryConfidence).orElse(null);
    }

    /** The outcome of the evaluation held last (of two held on one day, the one recorded last). */
    static Optional<EvaluationView.Outcome> lastOutcome(List<EvaluationView> evaluations) {
        return evaluations.stream()
                .map(EvaluationView::outcome)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(EvaluationView.Outcome::heldOn).thenComparing(EvaluationView.Outcome::recordedAt));
    }

    record ProgrammeRow(String name, String description, String owner, LocalDate startDate,
                        LocalDate plannedEndDate, ProgrammeStatus status, Instant definedAt) {
    }

    private static ProgrammeRow row(ResultSet row) throws SQLException {
        return new ProgrammeRow(row.getString("name"), row.getString("description"), row.getString("owner"),
                date(row, "start_date"), date(row, "planned_end_date"), ProgrammeStatus.valueOf(row.getString("status")),
                instant(row, "defined_at"));
    }

    private List<Objective> objectives(String programmeId) {
        return jdbc.sql("select objective_id, statement from nav_objective where programme_id = ? order by position")
                .param(programmeId)
                .query((row, n) -> new Objective(row.getString("objective_id"), row.getString("statement")))
                .list();
    }

    /** Every KPI of the portfolio with its latest reading and status, as {@link #programme} shows them. */
    public List<KpiView> kpis() {
        return kpis(null);
    }

    /** Every milestone of the portfolio, as {@link #programme} shows them. */
    public List<MilestoneView> milestones() {
        return milestones(null, null);
    }

    /**
     * The forecast of every KPI of the portfolio that has one, by {@link KpiKey}: from its last readings that count,
     * as {@link #kpi} shows it.
     */
    public Map<String, KpiView.ForecastView> forecasts() {
        Map<String, List<ReadingRow>> lastReadings = jdbc.sql(LATEST_READINGS)
                .param("programme", null).param("readings", Forecast.READINGS)
                .query((row, n) -> ReadingRow.of(row))
                .list().stream()
                .collect(Collectors.groupingBy(ReadingRow::key));
        Map<String, List<Retarget>> retargets = retargetsByKpi(null);
        return jdbc.sql("select * from nav_kpi").query((row, n) -> KpiRow.of(row)).list().stream()
                .filter(kpi -> lastReadings.containsKey(KpiKey.of(kpi.programmeId(), kpi.kpiId())))
                .collect(Collectors.toMap(kpi -> KpiKey.of(kpi.programmeId(), kpi.kpiId()), kpi -> {
                    String key = KpiKey.of(kpi.programmeId(), kpi.kpiId());
                    return forecast(lastReadings.get(key), kpi.planLine(retargets.getOrDefault(key, List.of())), kpi);
                }));
    }

    /** Each KPI of a programme (all programmes when null) with its latest reading and status, not the whole series. */
    private List<KpiView> kpis(String programmeId) {
        Map<String, ReadingRow> latest = jdbc.sql(LATEST_READINGS)
                .param("programme", programmeId).param("readings", 1)
                .query((row, n) -> ReadingRow.of(row))
                .list().stream()
                .collect(Collectors.toMap(ReadingRow::key, reading -> reading));
        Map<String, List<Retarget>> retargets = retargetsByKpi(programmeId);
        Instant now = clock.instant();
        return jdbc.sql("""
                        select * from nav_kpi
                        where (cast(? as varchar) is null or programme_id = ?) order by programme_id, kpi_id""")
                .params(programmeId, programmeId)
                .query((row, n) -> KpiRow.of(row))
                .list().stream()
                .map(kpi -> {
                    String key = KpiKey.of(kpi.programmeId(), kpi.kpiId());
                    PlanLine plan = kpi.planLine(retargets.getOrDefault(key, List.of()));
                    ReadingRow reading = latest.get(key);
                    return kpi.view(plan, reading == null ? null : reading.view(plan, kpi.direction(), null), now,
                            null, null, null, null);
                })
                .toList();
    }

    /** The retargets of each KPI of a programme (all programmes when null) by {@link KpiKey}, in effective order. */
    private Map<String, List<Retarget>> retargetsByKpi(String programmeId) {
        return jdbc.sql("""
                        select * from nav_kpi_retarget
                        where (cast(? as varchar) is null or programme_id = ?) order by effective_at""")
                .params(programmeId, programmeId)
                .query((row, n) -> Map.entry(KpiKey.of(row.getString("programme_id"), row.getString("kpi_id")),
                        rule(retarget(row))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The KPI's plan line as the read model knows it now. */
    Optional<PlanLine> planLine(String programmeId, String kpiId) {
        return definition(programmeId, kpiId).map(kpi -> kpi.planLine(rules(retargets(programmeId, kpiId))));
    }

    private Optional<KpiRow> definition(String programmeId, String kpiId) {
        return jdbc.sql("select * from nav_kpi where programme_id = ? and kpi_id = ?")
                .params(programmeId, kpiId)
                .query((row, n) -> KpiRow.of(row))
                .optional();
    }

    private List<KpiView.Retarget> retargets(String programmeId, String kpiId) {
        return jdbc.sql("select * from nav_kpi_retarget where programme_id = ? and kpi_id = ? order by effective_at")
                .params(programmeId, kpiId)
                .query((row, n) -> retarget(row))
                .list();
    }

    private static KpiView.Retarget retarget(ResultSet row) throws SQLException {
        return new KpiView.Retarget(instant(row, "effective_at"), row.getBigDecimal("target"), date(row, "target_date"),
                row.getBigDecimal("tolerance"), row.getBigDecimal("previous_target"), date(row, "previous_target_date"),
                row.getString("reason"));
    }

    static Retarget rule(KpiView.Retarget retarget) {
        return Retarget.of(retarget.effectiveAt(), retarget.target(), retarget.targetDate(), retarget.tolerance());
    }

    static List<Retarget> rules(List<KpiView.Retarget> retargets) {
        return retargets.stream().map(ProgrammeQueries::rule).toList();
    }

    static KpiView.ForecastView forecast(List<ReadingRow> rows, PlanLine plan, KpiRow kpi) {
        return Forecast.of(rows.stream().map(ReadingRow::rule).toList(), plan, kpi.direction(), kpi.cadenceDays())
                .map(forecast -> new KpiView.ForecastView(forecast.valueAtTargetDate(), forecast.valueAtTargetLow(),
                        forecast.valueAtTargetHigh(), forecast.targetReachedOn().orElse(null)))
                .orElse(new KpiView.ForecastView(null, null, null, null));
    }

    /** The reading a KPI's status is judged by: the last measured that is not retracted (as LATEST_READINGS). */
    static ReadingRow latest(Collection<ReadingRow> readings) {
        return readings.stream().filter(reading -> !reading.retracted()).max(MEASURED_ORDER).orElse(null);
    }

    record KpiRow(String programmeId, String kpiId, String name, String unit, Direction direction,
                  BigDecimal baseline, LocalDate baselineDate, Target defined, BigDecimal cadenceDays,
                  String cadence, String objectiveId, Lever lever, Instant definedAt) {

        static KpiRow of(ResultSet row) throws SQLException {
            String lever = row.getString("lever");
            return new KpiRow(row.getString("programme_id"), row.getString("kpi_id"), row.getString("name"),
                    row.getString("unit"), Direction.valueOf(row.getString("direction")), row.getBigDecimal("baseline"),
                    date(row, "baseline_date"), new Target(row.getBigDecimal("defined_target"),
                    date(row, "defined_target_date"), row.getBigDecimal("defined_tolerance")),
                    row.getBigDecimal("cadence_days"), row.getString("cadence"), row.getString("objective_id"),
                    lever == null ? null : Lever.valueOf(lever), instant(row, "defined_at"));
        }

        PlanLine planLine(List<Retarget> retargets) {
            return PlanLine.of(baseline, baselineDate, defined, retargets);
        }

        KpiView view(PlanLine plan, ReadingView latest, Instant now, KpiView.ForecastView forecast,
                     List<KpiView.Retarget> retargets, List<ReadingView> readings, List<SignalView> signals) {
            Target current = plan.currentTarget();
            return new KpiView(programmeId, kpiId, name, unit, direction, baseline, baselineDate, current.value(),
                    current.date(), current.tolerance(), cadence, objectiveId, lever, definedAt,
                    latest == null ? Status.NO_DATA : latest.status(), latest, plan.valueAt(now), forecast, retargets,
                    readings, signals);
        }
    }

    record ReadingRow(String programmeId, String kpiId, String readingId, BigDecimal value, Instant measuredAt, Instant recordedAt,
                      String source, String note, boolean corrected, boolean retracted) {

        static ReadingRow of(ResultSet row) throws SQLException {
            return new ReadingRow(row.getString("programme_id"), row.getString("kpi_id"), row.getString("reading_id"), row.getBigDecimal("value"),
                    instant(row, "measured_at"), instant(row, "recorded_at"), row.getString("source"),
                    row.getString("note"), row.getBoolean("corrected"), row.getBoolean("retracted"));
        }

        String key() {
            return KpiKey.of(programmeId, kpiId);
        }

        Reading rule() {
            return new Reading(readingId, value, measuredAt, recordedAt, retracted);
        }

        ReadingView view(PlanLine plan, Direction direction, List<ReadingVersion> versions) {
            BigDecimal deviation = KpiStatusRule.deviation(rule(), plan, direction);
            return new ReadingView(readingId, value, measuredAt, recordedAt, deviation,
                    KpiStatusRule.statusOf(deviation, plan.toleranceAt(measuredAt)), source, note, corrected, retracted,
                    versions);
        }
    }

    private List<MilestoneView> milestones(String programmeId, String milestoneId) {
        Map<String, List<MilestoneView.Rebaseline>> rebaselines = jdbc.sql("""
                        select * from nav_milestone_rebaseline
                        where (cast(? as varchar) is null or programme_id = ?)
                          and (cast(? as varchar) is null or milestone_id = ?) order by rebaselined_at""")
                .params(programmeId, programmeId, milestoneId, milestoneId)
                .query((row, n) -> Map.entry(row.getString("programme_id") + "/" + row.getString("milestone_id"), new MilestoneView.Rebaseline(
                        instant(row, "rebaselined_at"), date(row, "previous_due_date"), date(row, "due_date"),
                        row.getString("reason"), row.getString("approved_by"))))
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
                    String programme = row.getString("programme_id");
                    String id = row.getString("milestone_id");
                    return milestone(new MilestoneRow(programme, id, row.getString("title"), date(row, "due_date"),
                                    date(row, "original_due_date"), date(row, "forecast_date"), date(row, "achieved_on"),
                                    row.getBoolean("cancelled"), row.getString("cancel_reason"),
                                    date(row, "start_date")),
                            date(row, "programme_start_date"), rebaselines.getOrDefault(programme + "/" + id, List.of()));
                })
                .list();
    }

    record MilestoneRow(String programmeId, String milestoneId, String title, LocalDate dueDate,
                        LocalDate originalDueDate, LocalDate forecastDate, LocalDate achievedOn, boolean cancelled,
                        String cancelReason, LocalDate startDate) {
    }

    /** The milestone with its slip from the forecast; {@code start}: the programme's start date. */
    static MilestoneView milestone(MilestoneRow row, LocalDate start, List<MilestoneView.Rebaseline> rebaselines) {
        LocalDate due = row.dueDate();
        LocalDate forecast = row.forecastDate();
        return new MilestoneView(row.programmeId(), row.milestoneId(), row.title(), row.startDate(), due,
                row.originalDueDate(), forecast,
                forecast == null ? null : ChronoUnit.DAYS.between(due, forecast),
                forecast == null ? null : MilestoneRules.slip(start, row.startDate(), due, forecast)
                        .map(MilestoneSlip::slipPercent).orElse(null),
                row.achievedOn(), row.cancelled(), row.cancelReason(), rebaselines);
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
}

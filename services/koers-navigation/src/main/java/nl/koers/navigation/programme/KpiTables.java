package nl.koers.navigation.programme;

import static nl.koers.navigation.Columns.date;
import static nl.koers.navigation.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiKey;
import nl.koers.api.kpi.Lever;
import nl.koers.rules.Target;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The KPI tables of the programme view, read into rows: definitions, retargets, readings and their versions. */
@Component
class KpiTables {

    /**
     * The latest readings (in koers-rules' measured order, newest first) of each KPI, of one programme or all: a few
     * index steps per KPI, where ranking every reading of the table would read all of them (at 1,000,000 readings
     * 10x slower).
     */
    private static final String LATEST_READINGS = """
            select r.* from nav_kpi k cross join lateral (
                select * from nav_reading r
                where r.programme_id = k.programme_id and r.kpi_id = k.kpi_id and not r.retracted
                order by r.measured_at desc, r.recorded_at desc, r.reading_id desc limit :readings) r
            where cast(:programme as varchar) is null or k.programme_id = :programme""";

    private final JdbcClient jdbc;

    KpiTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The KPIs of a programme (all programmes when null), by programme and id. */
    List<KpiRow> kpis(String programmeId) {
        return jdbc.sql("""
                        select * from nav_kpi
                        where (cast(? as varchar) is null or programme_id = ?) order by programme_id, kpi_id""")
                .params(programmeId, programmeId)
                .query((row, n) -> kpi(row))
                .list();
    }

    Optional<KpiRow> kpi(String programmeId, String kpiId) {
        return jdbc.sql("select * from nav_kpi where programme_id = ? and kpi_id = ?")
                .params(programmeId, kpiId)
                .query((row, n) -> kpi(row))
                .optional();
    }

    /** The last {@code count} readings that count of each KPI of a programme (all when null), by {@link KpiKey}. */
    Map<String, List<ReadingRow>> latestReadings(String programmeId, int count) {
        return jdbc.sql(LATEST_READINGS)
                .param("programme", programmeId).param("readings", count)
                .query((row, n) -> reading(row))
                .list().stream()
                .collect(Collectors.groupingBy(ReadingRow::key));
    }

    /** Every reading of the KPI, retracted ones too. */
    List<ReadingRow> readings(String programmeId, String kpiId) {
        return jdbc.sql("select * from nav_reading where programme_id = ? and kpi_id = ?")
                .params(programmeId, kpiId)
                .query((row, n) -> reading(row))
                .list();
    }

    Optional<ReadingRow> reading(String programmeId, String kpiId, String readingId) {
        return jdbc.sql("select * from nav_reading where programme_id = ? and kpi_id = ? and reading_id = ?")
                .params(programmeId, kpiId, readingId)
                .query((row, n) -> reading(row))
                .optional();
    }

    List<ReadingVersion> versions(String programmeId, String kpiId, String readingId) {
        return jdbc.sql("""
                        select * from nav_reading_version
                        where programme_id = ? and kpi_id = ? and reading_id = ? order by version""")
                .params(programmeId, kpiId, readingId)
                .query((row, n) -> new ReadingVersion(row.getInt("version"),
                        ReadingVersion.Kind.valueOf(row.getString("kind")), row.getBigDecimal("value"),
                        row.getString("reason"), instant(row, "recorded_at")))
                .list();
    }

    /** The KPI's retargets in effective order. */
    List<KpiView.Retarget> retargets(String programmeId, String kpiId) {
        return jdbc.sql("select * from nav_kpi_retarget where programme_id = ? and kpi_id = ? order by effective_at")
                .params(programmeId, kpiId)
                .query((row, n) -> retarget(row))
                .list();
    }

    /** The retargets of each KPI of a programme (all programmes when null) by {@link KpiKey}, in effective order. */
    Map<String, List<KpiView.Retarget>> retargetsByKpi(String programmeId) {
        return jdbc.sql("""
                        select * from nav_kpi_retarget
                        where (cast(? as varchar) is null or programme_id = ?) order by effective_at""")
                .params(programmeId, programmeId)
                .query((row, n) -> Map.entry(KpiKey.of(row.getString("programme_id"), row.getString("kpi_id")),
                        retarget(row)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static KpiRow kpi(ResultSet row) throws SQLException {
        String lever = row.getString("lever");
        return new KpiRow(row.getString("programme_id"), row.getString("kpi_id"), row.getString("name"),
                row.getString("unit"), Direction.valueOf(row.getString("direction")), row.getBigDecimal("baseline"),
                date(row, "baseline_date"), new Target(row.getBigDecimal("defined_target"),
                date(row, "defined_target_date"), row.getBigDecimal("defined_tolerance")),
                row.getBigDecimal("cadence_days"), row.getString("cadence"), row.getString("objective_id"),
                lever == null ? null : Lever.valueOf(lever), instant(row, "defined_at"));
    }

    private static ReadingRow reading(ResultSet row) throws SQLException {
        return new ReadingRow(row.getString("programme_id"), row.getString("kpi_id"), row.getString("reading_id"),
                row.getBigDecimal("value"), instant(row, "measured_at"), instant(row, "recorded_at"),
                row.getString("source"), row.getString("note"), row.getBoolean("corrected"), row.getBoolean("retracted"));
    }

    private static KpiView.Retarget retarget(ResultSet row) throws SQLException {
        return new KpiView.Retarget(instant(row, "effective_at"), row.getBigDecimal("target"), date(row, "target_date"),
                row.getBigDecimal("tolerance"), row.getBigDecimal("previous_target"), date(row, "previous_target_date"),
                row.getString("reason"));
    }
}

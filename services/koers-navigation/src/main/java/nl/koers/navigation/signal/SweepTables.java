package nl.koers.navigation.signal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import nl.koers.api.kpi.Lever;
import nl.koers.navigation.Columns;
import nl.koers.rules.EvaluationRules;
import nl.koers.rules.KpiStaleness;
import nl.koers.rules.MilestoneRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidates of the time-driven signal sweep: what the read model shows whose signal looks out of date. The
 * rules' numbers come from koers-rules as parameters; the owning aggregate decides on each candidate.
 */
@Component
public class SweepTables {

    private final JdbcClient jdbc;

    SweepTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A KPI of a programme. */
    public record KpiRef(String programmeId, String kpiId) {
    }

    /**
     * KPIs of active programmes whose staleness ({@link KpiStaleness}: more than so many cadences since the later of
     * the latest reading and the definition, until the target date) differs from their open KPI_STALE signal.
     */
    public List<KpiRef> staleCandidates(Instant now) {
        return jdbc.sql("""
                        select k.programme_id, k.kpi_id
                        from nav_kpi k
                        join nav_programme p on p.programme_id = k.programme_id and p.status = 'ACTIVE'
                        left join lateral (
                            select max(r.measured_at) as latest from nav_reading r
                            where r.programme_id = k.programme_id and r.kpi_id = k.kpi_id and not r.retracted) r on true
                        where (:now > greatest(r.latest, k.defined_at) + k.cadence_days * :allowedCadences * interval '1 day'
                               and :now < k.target_date + interval '1 day')
                              <> exists (select 1 from nav_signal s
                                         where s.programme_id = k.programme_id and s.subject_kind = 'KPI'
                                           and s.subject_id = k.kpi_id and s.type = 'KPI_STALE' and s.state <> 'CLEARED')""")
                .param("now", Columns.timestamp(now))
                .param("allowedCadences", KpiStaleness.ALLOWED_CADENCES)
                .query((row, n) -> new KpiRef(row.getString("programme_id"), row.getString("kpi_id")))
                .list();
    }

    /**
     * Active programmes with a milestone or evaluation whose overdue state differs from its open signal, or whose
     * evaluation rhythm (an outcome within {@link EvaluationRules#PROGRAMME_INTERVAL_DAYS} days) differs from the
     * programme's open EVALUATION_OVERDUE. The overdue conditions are those of {@link MilestoneRules#isOverdue} and
     * {@link EvaluationRules#isOverdue}, in SQL.
     */
    public List<String> deadlineCandidates(Instant now) {
        return jdbc.sql("""
                        with today as (select cast(cast(:now as timestamptz) at time zone 'UTC' as date) as day),
                        open_signal as (
                            select programme_id, subject_kind, subject_id, type from nav_signal where state <> 'CLEARED')
                        select p.programme_id from nav_programme p, today
                        where p.status = 'ACTIVE' and (
                            exists (select 1 from nav_milestone m
                                    where m.programme_id = p.programme_id
                                      and (m.due_date < today.day and m.achieved_on is null and not m.cancelled)
                                          <> exists (select 1 from open_signal s where s.programme_id = m.programme_id
                                                     and s.subject_kind = 'MILESTONE' and s.subject_id = m.milestone_id
                                                     and s.type = 'MILESTONE_OVERDUE'))
                            or exists (select 1 from nav_evaluation e
                                       where e.programme_id = p.programme_id
                                         and (e.scheduled_for + :graceDays < today.day and e.held_on is null)
                                             <> exists (select 1 from open_signal s where s.programme_id = e.programme_id
                                                        and s.subject_kind = 'EVALUATION' and s.subject_id = e.evaluation_id
                                                        and s.type = 'EVALUATION_OVERDUE'))
                            or (greatest(p.start_date, (select max(e.held_on) from nav_evaluation e
                                                        where e.programme_id = p.programme_id)) + :intervalDays < today.day)
                               <> exists (select 1 from open_signal s where s.programme_id = p.programme_id
                                          and s.subject_kind = 'PROGRAMME' and s.type = 'EVALUATION_OVERDUE'))""")
                .param("now", Columns.timestamp(now))
                .param("graceDays", EvaluationRules.GRACE_DAYS)
                .param("intervalDays", EvaluationRules.PROGRAMME_INTERVAL_DAYS)
                .query(String.class)
                .list();
    }

    /** KPIs of closed programmes that still have open signals. */
    public List<KpiRef> closedProgrammeKpisWithOpenSignals() {
        return jdbc.sql("""
                        select distinct s.programme_id, s.subject_id as kpi_id
                        from nav_signal s join nav_programme p on p.programme_id = s.programme_id
                        where p.status = 'CLOSED' and s.subject_kind = 'KPI' and s.state <> 'CLEARED'""")
                .query((row, n) -> new KpiRef(row.getString("programme_id"), row.getString("kpi_id")))
                .list();
    }

    /**
     * Programmes still open whose unmeasured levers differ from those their open LEVER_UNMEASURED signal lists (none
     * without one): a KPI tags one lever and is never undefined, so the counts tell.
     */
    public List<String> leverCandidates() {
        return jdbc.sql("""
                        select p.programme_id from nav_programme p
                        left join nav_signal s on s.programme_id = p.programme_id and s.type = 'LEVER_UNMEASURED'
                                              and s.state <> 'CLEARED'
                        where p.status <> 'CLOSED'
                          and coalesce(jsonb_array_length(cast(s.evidence as jsonb) -> 'unmeasuredLevers'), 0)
                              <> :levers - (select count(distinct k.lever) from nav_kpi k
                                            where k.programme_id = p.programme_id and k.lever is not null)""")
                .param("levers", Lever.values().length)
                .query(String.class)
                .list();
    }

    /** The levers the programme's KPIs measure. */
    public Set<Lever> measuredLevers(String programmeId) {
        Set<Lever> levers = EnumSet.noneOf(Lever.class);
        jdbc.sql("select distinct lever from nav_kpi where programme_id = ? and lever is not null")
                .param(programmeId)
                .query(String.class)
                .list()
                .forEach(lever -> levers.add(Lever.valueOf(lever)));
        return levers;
    }
}

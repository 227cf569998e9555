package nl.koers.app.signals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import nl.koers.api.kpi.CheckKpiStaleness;
import nl.koers.api.kpi.ClearKpiSignals;
import nl.koers.api.kpi.Lever;
import nl.koers.api.programme.AssessLeverCoverage;
import nl.koers.api.programme.CheckProgrammeDeadlines;
import nl.koers.navigation.Columns;
import nl.koers.navigation.history.HistoryProjection;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signals that depend on the passing of time (stale, overdue) and on more than one aggregate (lever coverage, a
 * closed programme's KPI signals) are checked here, at least every minute. The read model only picks the
 * candidates whose signal looks out of date; the owning aggregate decides, so a check sent twice changes nothing.
 * One instance sweeps at a time (a PostgreSQL advisory lock), and the aggregates' optimistic locking keeps a signal
 * from being raised twice even so. Its commands, and the signals they raise or clear, are the system's: actor
 * {@value HistoryProjection#SYSTEM_ACTOR}.
 */
@Component
public class SignalSweep {

    private static final Logger log = LoggerFactory.getLogger(SignalSweep.class);
    /** Advisory lock key: "KOERS" in ASCII, as a number. */
    private static final long LOCK_KEY = 0x4b4f455253L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public SignalSweep(DataSource dataSource, JdbcClient jdbc, CommandGateway commands, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    /** What one sweep sent. */
    public record Result(boolean ran, int commandsSent) {
    }

    @Scheduled(fixedDelayString = "${koers.signals.sweep-interval:PT1M}", initialDelayString = "${koers.signals.sweep-initial-delay:PT15S}")
    void scheduled() {
        try {
            Result result = sweep();
            if (result.commandsSent() > 0) {
                log.info("Signal sweep sent {} checks", result.commandsSent());
            }
        } catch (RuntimeException | SQLException e) {
            log.warn("Signal sweep failed; the next one tries again", e);
        }
    }

    /** Runs one sweep as of the clock's now, unless another instance is sweeping. */
    public Result sweep() throws SQLException {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!advisoryLock(lockHolder, "pg_try_advisory_lock")) {
                return new Result(false, 0);
            }
            try {
                return new Result(true, sendChecks(clock.instant()));
            } finally {
                advisoryLock(lockHolder, "pg_advisory_unlock");
            }
        }
    }

    private int sendChecks(Instant now) {
        int sent = 0;
        for (KpiRef kpi : staleCandidates(now)) {
            sent += send(new CheckKpiStaleness(kpi.programmeId(), kpi.kpiId(), now));
        }
        for (String programmeId : deadlineCandidates(now)) {
            sent += send(new CheckProgrammeDeadlines(programmeId, now));
        }
        for (KpiRef kpi : closedProgrammeKpisWithOpenSignals()) {
            sent += send(new ClearKpiSignals(kpi.programmeId(), kpi.kpiId(), "the programme was closed"));
        }
        for (String programmeId : leverCandidates()) {
            sent += send(new AssessLeverCoverage(programmeId, measuredLevers(programmeId)));
        }
        return sent;
    }

    private int send(Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(HistoryProjection.ACTOR, HistoryProjection.SYSTEM_ACTOR)));
            return 1;
        } catch (RuntimeException e) {
            log.warn("Signal check {} failed; the next sweep tries again", command, e);
            return 0;
        }
    }

    private record KpiRef(String programmeId, String kpiId) {
    }

    /** KPIs of active programmes whose staleness differs from their open KPI_STALE signal. */
    private List<KpiRef> staleCandidates(Instant now) {
        return jdbc.sql("""
                        select k.programme_id, k.kpi_id
                        from nav_kpi k
                        join nav_programme p on p.programme_id = k.programme_id and p.status = 'ACTIVE'
                        left join lateral (
                            select max(r.measured_at) as latest from nav_reading r
                            where r.programme_id = k.programme_id and r.kpi_id = k.kpi_id and not r.retracted) r on true
                        where (:now > greatest(r.latest, k.defined_at) + k.cadence_days * 1.5 * interval '1 day'
                               and :now < k.target_date + interval '1 day')
                              <> exists (select 1 from nav_signal s
                                         where s.programme_id = k.programme_id and s.subject_kind = 'KPI'
                                           and s.subject_id = k.kpi_id and s.type = 'KPI_STALE' and s.state <> 'CLEARED')""")
                .param("now", Columns.timestamp(now))
                .query((row, n) -> new KpiRef(row.getString("programme_id"), row.getString("kpi_id")))
                .list();
    }

    /**
     * Active programmes with a milestone or evaluation whose overdue state differs from its open signal, or whose
     * evaluation rhythm (an outcome within 90 days) differs from the programme's open EVALUATION_OVERDUE.
     */
    private List<String> deadlineCandidates(Instant now) {
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
                                         and (e.scheduled_for + 7 < today.day and e.held_on is null)
                                             <> exists (select 1 from open_signal s where s.programme_id = e.programme_id
                                                        and s.subject_kind = 'EVALUATION' and s.subject_id = e.evaluation_id
                                                        and s.type = 'EVALUATION_OVERDUE'))
                            or (greatest(p.start_date, (select max(e.held_on) from nav_evaluation e
                                                        where e.programme_id = p.programme_id)) + 90 < today.day)
                               <> exists (select 1 from open_signal s where s.programme_id = p.programme_id
                                          and s.subject_kind = 'PROGRAMME' and s.type = 'EVALUATION_OVERDUE'))""")
                .param("now", Columns.timestamp(now))
                .query(String.class)
                .list();
    }

    private List<KpiRef> closedProgrammeKpisWithOpenSignals() {
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
    private List<String> leverCandidates() {
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

    private Set<Lever> measuredLevers(String programmeId) {
        Set<Lever> levers = EnumSet.noneOf(Lever.class);
        jdbc.sql("select distinct lever from nav_kpi where programme_id = ? and lever is not null")
                .param(programmeId)
                .query(String.class)
                .list()
                .forEach(lever -> levers.add(Lever.valueOf(lever)));
        return levers;
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}

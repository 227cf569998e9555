package nl.koers.navigation.programme;

import static nl.koers.navigation.Columns.timestamp;

import java.time.Instant;

import nl.koers.navigation.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * The programme's summary as each event left it (V13's {@code nav_programme_version}): status, health, open signals by
 * severity and the latest delivery confidence, copied from the view's tables after the statements of the event that
 * changed one of them, stamped with its recorded time. Health as {@code ProgrammeHealth} decides it: RED with an open
 * CRITICAL signal, else AMBER with an open WARNING, else GREEN.
 */
@Component
public class ProgrammeVersions {

    private final ProjectionWrites writes;

    ProgrammeVersions(ProjectionWrites writes) {
        this.writes = writes;
    }

    /** Adds the version of the programme as the statements written so far leave it, known from {@code at}. */
    public void record(String programmeId, Instant at) {
        writes.write("""
                        insert into nav_programme_version (programme_id, known_from, status, health, open_critical,
                                                           open_warning, open_info, delivery_confidence, last_evaluation)
                        select p.programme_id, ?, p.status,
                               case when s.critical > 0 then 'RED' when s.warning > 0 then 'AMBER' else 'GREEN' end,
                               s.critical, s.warning, s.info, e.delivery_confidence, e.held_on
                        from nav_programme p
                        cross join lateral (
                            select count(*) filter (where severity = 'CRITICAL') as critical,
                                   count(*) filter (where severity = 'WARNING') as warning,
                                   count(*) filter (where severity = 'INFO') as info
                            from nav_signal where programme_id = p.programme_id and state <> 'CLEARED') s
                        left join lateral (
                            select delivery_confidence, held_on from nav_evaluation
                            where programme_id = p.programme_id and held_on is not null
                            order by held_on desc, outcome_recorded_at desc limit 1) e on true
                        where p.programme_id = ?""",
                timestamp(at), programmeId);
    }
}

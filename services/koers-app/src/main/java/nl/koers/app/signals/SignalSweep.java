package nl.koers.app.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import nl.koers.api.MessageMetadata;
import nl.koers.api.kpi.CheckKpiStaleness;
import nl.koers.api.kpi.ClearKpiSignals;
import nl.koers.api.programme.AssessLeverCoverage;
import nl.koers.api.programme.CheckProgrammeDeadlines;
import nl.koers.app.persistence.SessionLock;
import nl.koers.navigation.signal.SweepTables;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signals that depend on the passing of time (stale, overdue) and on more than one aggregate (lever coverage, a
 * closed programme's KPI signals) are checked here, at least every minute. The read model only picks the
 * candidates whose signal looks out of date ({@link SweepTables}); the owning aggregate decides, so a check sent twice changes nothing.
 * One instance sweeps at a time (a PostgreSQL advisory lock), and the aggregates' optimistic locking keeps a signal
 * from being raised twice even so. Its commands, and the signals they raise or clear, are the system's: actor
 * {@value MessageMetadata#SYSTEM_ACTOR}.
 */
@Component
public class SignalSweep {

    private static final Logger log = LoggerFactory.getLogger(SignalSweep.class);
    /** Advisory lock key: "KOERS" in ASCII, as a number. */
    private static final long LOCK_KEY = 0x4b4f455253L;

    private final DataSource dataSource;
    private final SweepTables candidates;
    private final CommandGateway commands;
    private final Clock clock;

    public SignalSweep(DataSource dataSource, SweepTables candidates, CommandGateway commands, Clock clock) {
        this.dataSource = dataSource;
        this.candidates = candidates;
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
        } catch (RuntimeException e) {
            log.warn("Signal sweep failed; the next one tries again", e);
        }
    }

    /** Runs one sweep as of the clock's now, unless another instance is sweeping. */
    public Result sweep() {
        SessionLock lock = new SessionLock(dataSource, LOCK_KEY);
        if (!lock.tryTake()) {
            return new Result(false, 0);
        }
        try {
            return new Result(true, sendChecks(clock.instant()));
        } finally {
            lock.release();
        }
    }

    private int sendChecks(Instant now) {
        int sent = 0;
        for (SweepTables.KpiRef kpi : candidates.staleCandidates(now)) {
            sent += send(new CheckKpiStaleness(kpi.programmeId(), kpi.kpiId(), now));
        }
        for (String programmeId : candidates.deadlineCandidates(now)) {
            sent += send(new CheckProgrammeDeadlines(programmeId, now));
        }
        for (SweepTables.KpiRef kpi : candidates.closedProgrammeKpisWithOpenSignals()) {
            sent += send(new ClearKpiSignals(kpi.programmeId(), kpi.kpiId(), "the programme was closed"));
        }
        for (String programmeId : candidates.leverCandidates()) {
            sent += send(new AssessLeverCoverage(programmeId, candidates.measuredLevers(programmeId)));
        }
        return sent;
    }

    private int send(Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(MessageMetadata.ACTOR, MessageMetadata.SYSTEM_ACTOR)));
            return 1;
        } catch (RuntimeException e) {
            log.warn("Signal check {} failed; the next sweep tries again", command, e);
            return 0;
        }
    }
}

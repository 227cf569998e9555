package nl.koers.app.tracking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.tracking.ProgrammeDirectory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The programme directory in PostgreSQL. Its handlers run in a subscribing processor, inside the transaction that
 * stores the programme's events, so a KPI command sees a programme the moment it is defined or closed.
 */
@Component
@ProcessingGroup("programme-directory")
class JdbcProgrammeDirectory implements ProgrammeDirectory {

    private static final String KNOWN = JdbcProgrammeDirectory.class.getName() + ".known";

    private final JdbcClient jdbc;

    JdbcProgrammeDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Within a unit of work a programme is read once: a group of readings to its KPIs ({@code GroupCommit}) asks for
     * it once for all of them. The handlers below forget what they change.
     */
    @Override
    public Optional<Entry> find(String programmeId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return read(programmeId);
        }
        return known().computeIfAbsent(programmeId, this::read);
    }

    private static Map<String, Optional<Entry>> known() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(KNOWN, key -> new HashMap<>());
    }

    private Optional<Entry> read(String programmeId) {
        return jdbc.sql("select status, objective_ids from programme_directory where programme_id = ?")
                .param(programmeId)
                .query((row, n) -> new Entry(programmeId,
                        ProgrammeStatus.valueOf(row.getString("status")),
                        objectiveIds(row.getString("objective_ids"))))
                .optional();
    }

    @EventHandler
    void on(ProgrammeDefined event) {
        forget(event.programmeId());
        jdbc.sql("insert into programme_directory (programme_id, status, objective_ids, name) values (?, ?, ?, ?)")
                .params(event.programmeId(), ProgrammeStatus.ACTIVE.name(),
                        event.objectives().stream().map(Objective::id).collect(Collectors.joining(",")), event.name())
                .update();
    }

    @EventHandler
    void on(ProgrammePaused event) {
        setStatus(event.programmeId(), ProgrammeStatus.PAUSED);
    }

    @EventHandler
    void on(ProgrammeResumed event) {
        setStatus(event.programmeId(), ProgrammeStatus.ACTIVE);
    }

    @EventHandler
    void on(ProgrammeClosed event) {
        setStatus(event.programmeId(), ProgrammeStatus.CLOSED);
    }

    private void setStatus(String programmeId, ProgrammeStatus status) {
        forget(programmeId);
        jdbc.sql("update programme_directory set status = ? where programme_id = ?")
                .params(status.name(), programmeId)
                .update();
    }

    private static void forget(String programmeId) {
        if (CurrentUnitOfWork.isStarted()) {
            known().remove(programmeId);
        }
    }

    private static Set<String> objectiveIds(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
    }
}

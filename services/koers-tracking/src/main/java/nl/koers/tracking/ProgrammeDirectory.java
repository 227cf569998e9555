package nl.koers.tracking;

import java.util.Optional;
import java.util.Set;

import nl.koers.api.programme.ProgrammeStatus;

/**
 * What the parts of a programme (its KPIs) need to know of the programme without loading, and so locking, the
 * programme aggregate: readings to different KPIs of one programme must never contend. The application keeps it
 * in the same transaction as the programme's events.
 */
public interface ProgrammeDirectory {

    Optional<Entry> find(String programmeId);

    record Entry(String programmeId, ProgrammeStatus status, Set<String> objectiveIds) {
    }
}

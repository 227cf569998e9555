package nl.koers.tracking;

import java.util.Optional;
import java.util.Set;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.programme.ProgrammeStatus;

/**
 * What the parts of a programme (its KPIs) need to know of the programme without loading, and so locking, the
 * programme aggregate: readings to different KPIs of one programme must never contend. The application keeps it
 * in the same transaction as the programme's events.
 */
public interface ProgrammeDirectory {

    Optional<Entry> find(String programmeId);

    /** The programme, which must exist. */
    default Entry existing(String programmeId) {
        return find(programmeId).orElseThrow(() -> new NotFoundException("Programme " + programmeId + " not found"));
    }

    /** The programme, which must exist and not be closed. */
    default Entry open(String programmeId) {
        Entry programme = existing(programmeId);
        if (programme.status() == ProgrammeStatus.CLOSED) {
            throw new ConflictException("Programme " + programmeId + " is closed");
        }
        return programme;
    }

    record Entry(String programmeId, ProgrammeStatus status, Set<String> objectiveIds) {
    }
}

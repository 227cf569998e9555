package nl.koers.tracking;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.koers.api.programme.ProgrammeStatus;

/** A programme directory for tests: programmes are known once put in. */
public class InMemoryProgrammeDirectory implements ProgrammeDirectory {

    private final Map<String, Entry> entries = new HashMap<>();

    public InMemoryProgrammeDirectory put(String programmeId, ProgrammeStatus status, Set<String> objectiveIds) {
        entries.put(programmeId, new Entry(programmeId, status, Set.copyOf(objectiveIds)));
        return this;
    }

    public void remove(String programmeId) {
        entries.remove(programmeId);
    }

    @Override
    public Optional<Entry> find(String programmeId) {
        return Optional.ofNullable(entries.get(programmeId));
    }
}

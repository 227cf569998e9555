package nl.koers.api.programme;

import nl.koers.api.ProgrammeEvent;

public record ProgrammeResumed(String programmeId, String reason) implements ProgrammeEvent {
}

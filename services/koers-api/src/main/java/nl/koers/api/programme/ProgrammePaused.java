package nl.koers.api.programme;

import nl.koers.api.ProgrammeEvent;

public record ProgrammePaused(String programmeId, String reason) implements ProgrammeEvent {
}

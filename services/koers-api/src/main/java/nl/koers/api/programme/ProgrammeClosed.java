package nl.koers.api.programme;

import nl.koers.api.ProgrammeEvent;

public record ProgrammeClosed(String programmeId, String reason) implements ProgrammeEvent {
}

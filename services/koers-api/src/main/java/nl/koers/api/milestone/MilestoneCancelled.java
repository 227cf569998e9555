package nl.koers.api.milestone;

import nl.koers.api.ProgrammeEvent;

public record MilestoneCancelled(String programmeId, String milestoneId, String reason) implements ProgrammeEvent {
}

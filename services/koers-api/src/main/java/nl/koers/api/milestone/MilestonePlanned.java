package nl.koers.api.milestone;

import java.time.LocalDate;

import nl.koers.api.ProgrammeEvent;

public record MilestonePlanned(String programmeId, String milestoneId, String title, LocalDate dueDate) implements ProgrammeEvent {
}

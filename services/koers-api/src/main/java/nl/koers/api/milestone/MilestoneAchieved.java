package nl.koers.api.milestone;

import java.time.LocalDate;

import nl.koers.api.ProgrammeEvent;

public record MilestoneAchieved(String programmeId, String milestoneId, LocalDate achievedOn) implements ProgrammeEvent {
}

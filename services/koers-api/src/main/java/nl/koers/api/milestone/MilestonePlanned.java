package nl.koers.api.milestone;

import java.time.LocalDate;

public record MilestonePlanned(String programmeId, String milestoneId, String title, LocalDate dueDate) implements MilestoneEvent {
}

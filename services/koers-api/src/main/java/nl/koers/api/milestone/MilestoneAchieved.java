package nl.koers.api.milestone;

import java.time.LocalDate;

public record MilestoneAchieved(String programmeId, String milestoneId, LocalDate achievedOn) implements MilestoneEvent {
}

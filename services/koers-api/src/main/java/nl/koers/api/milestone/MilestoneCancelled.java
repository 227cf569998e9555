package nl.koers.api.milestone;

public record MilestoneCancelled(String programmeId, String milestoneId, String reason) implements MilestoneEvent {
}

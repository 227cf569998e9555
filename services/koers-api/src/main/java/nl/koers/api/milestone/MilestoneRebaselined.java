package nl.koers.api.milestone;

import java.time.LocalDate;

public record MilestoneRebaselined(
        String programmeId,
        String milestoneId,
        LocalDate dueDate,
        LocalDate previousDueDate,
        String reason,
        String approvedBy) implements MilestoneEvent {
}

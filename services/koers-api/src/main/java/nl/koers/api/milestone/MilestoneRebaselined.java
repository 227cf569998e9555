package nl.koers.api.milestone;

import java.time.LocalDate;

import nl.koers.api.ProgrammeEvent;

public record MilestoneRebaselined(
        String programmeId,
        String milestoneId,
        LocalDate dueDate,
        LocalDate previousDueDate,
        String reason,
        String approvedBy) implements ProgrammeEvent {
}

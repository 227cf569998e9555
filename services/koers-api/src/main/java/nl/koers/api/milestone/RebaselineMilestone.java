package nl.koers.api.milestone;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RebaselineMilestone(
        @TargetAggregateIdentifier String programmeId, String milestoneId, LocalDate dueDate, String reason, String approvedBy) implements MilestoneCommand {
}

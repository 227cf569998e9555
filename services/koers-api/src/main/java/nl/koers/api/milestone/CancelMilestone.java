package nl.koers.api.milestone;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelMilestone(@TargetAggregateIdentifier String programmeId, String milestoneId, String reason) implements MilestoneCommand {
}

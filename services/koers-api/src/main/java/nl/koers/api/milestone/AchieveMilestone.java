package nl.koers.api.milestone;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AchieveMilestone(@TargetAggregateIdentifier String programmeId, String milestoneId, LocalDate achievedOn) implements MilestoneCommand {
}

package nl.koers.api.milestone;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PlanMilestone(@TargetAggregateIdentifier String programmeId, String milestoneId, String title, LocalDate dueDate) {
}

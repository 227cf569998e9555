package nl.koers.api.milestone;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateMilestoneForecast(
        @TargetAggregateIdentifier String programmeId, String milestoneId, LocalDate forecastDate, String reason) implements MilestoneCommand {
}

package nl.koers.api.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseProgramme(@TargetAggregateIdentifier String programmeId, String reason) {
}

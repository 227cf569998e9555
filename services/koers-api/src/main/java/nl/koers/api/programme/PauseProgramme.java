package nl.koers.api.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PauseProgramme(@TargetAggregateIdentifier String programmeId, String reason) {
}

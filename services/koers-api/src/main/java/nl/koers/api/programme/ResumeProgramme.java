package nl.koers.api.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResumeProgramme(@TargetAggregateIdentifier String programmeId, String reason) {
}

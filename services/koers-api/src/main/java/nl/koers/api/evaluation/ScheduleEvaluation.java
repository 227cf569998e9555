package nl.koers.api.evaluation;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleEvaluation(
        @TargetAggregateIdentifier String programmeId, String evaluationId, String title, LocalDate scheduledFor) {
}

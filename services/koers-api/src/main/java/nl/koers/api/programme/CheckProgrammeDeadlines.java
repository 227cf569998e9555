package nl.koers.api.programme;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the time-driven sweep: raise or clear MILESTONE_OVERDUE and EVALUATION_OVERDUE (per evaluation and for
 * the programme) as of {@code now}.
 */
public record CheckProgrammeDeadlines(@TargetAggregateIdentifier String programmeId, Instant now) {
}

package nl.koers.api.milestone;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Plans a milestone due on {@code dueDate}. {@code startDate}, optional: when the work towards it starts; its slip is
 * measured against the span from there to the due date, or from the programme's start when absent.
 */
public record PlanMilestone(
        @TargetAggregateIdentifier String programmeId, String milestoneId, String title, LocalDate dueDate,
        LocalDate startDate) {

    /** A milestone whose work starts with its programme. */
    public PlanMilestone(String programmeId, String milestoneId, String title, LocalDate dueDate) {
        this(programmeId, milestoneId, title, dueDate, null);
    }
}

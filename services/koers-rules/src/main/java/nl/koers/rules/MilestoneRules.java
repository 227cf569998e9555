package nl.koers.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.koers.api.signal.Severity;

/** The milestone signals' conditions: slipping, overdue, re-baselined again. */
public final class MilestoneRules {

    public static final Severity OVERDUE_SEVERITY = Severity.CRITICAL;
    public static final Severity REBASELINED_AGAIN_SEVERITY = Severity.WARNING;

    private MilestoneRules() {
    }

    /**
     * MILESTONE_SLIPPING: the slip when the forecast date lies after the due date, else empty. It is measured against
     * the days from the milestone's own start to its due date, or from the programme's start when the milestone has
     * none ({@code milestoneStart} null).
     */
    public static Optional<MilestoneSlip> slip(LocalDate programmeStart, LocalDate milestoneStart, LocalDate dueDate,
                                               LocalDate forecastDate) {
        return forecastDate.isAfter(dueDate)
                ? Optional.of(MilestoneSlip.of(milestoneStart != null ? milestoneStart : programmeStart, dueDate,
                        forecastDate))
                : Optional.empty();
    }

    /** MILESTONE_OVERDUE: the due date passed (it lies before today, UTC), not achieved and not cancelled. */
    public static boolean isOverdue(LocalDate dueDate, boolean achieved, boolean cancelled, Instant now) {
        return dueDate.isBefore(Days.dateOf(now)) && !achieved && !cancelled;
    }

    /** MILESTONE_REBASELINED_AGAIN: re-baselined twice or more. */
    public static boolean isRebaselinedAgain(int rebaselines) {
        return rebaselines >= 2;
    }
}

package nl.koers.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.koers.api.signal.Severity;

/** EVALUATION_OVERDUE, for an evaluation moment and for a programme. Dates are UTC days; today is now's UTC date. */
public final class EvaluationRules {

    public static final Severity SEVERITY = Severity.WARNING;
    public static final int GRACE_DAYS = 7;
    public static final int PROGRAMME_INTERVAL_DAYS = 90;

    /** The programme-level condition's evidence: held nothing since {@code since}, {@code daysWithout} days ago. */
    public record ProgrammeEvaluationGap(LocalDate since, long daysWithout) {
    }

    private EvaluationRules() {
    }

    /** An evaluation moment is overdue when its scheduled date passed by more than 7 days with no outcome. */
    public static boolean isOverdue(LocalDate scheduledFor, boolean hasOutcome, Instant now) {
        return !hasOutcome && ChronoUnit.DAYS.between(scheduledFor, Days.dateOf(now)) > GRACE_DAYS;
    }

    /**
     * A programme is overdue for an evaluation when no outcome was held in the 90 days up to now, counted from the
     * later of its start date and the last outcome's held-on date.
     */
    public static Optional<ProgrammeEvaluationGap> programmeOverdue(LocalDate programmeStart, Optional<LocalDate> lastHeldOn, Instant now) {
        LocalDate since = lastHeldOn.filter(heldOn -> heldOn.isAfter(programmeStart)).orElse(programmeStart);
        long daysWithout = ChronoUnit.DAYS.between(since, Days.dateOf(now));
        return daysWithout > PROGRAMME_INTERVAL_DAYS
                ? Optional.of(new ProgrammeEvaluationGap(since, daysWithout))
                : Optional.empty();
    }
}

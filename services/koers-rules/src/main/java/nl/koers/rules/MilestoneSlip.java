package nl.koers.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.koers.api.signal.Severity;

/**
 * How far a milestone's forecast lies after its due date (MILESTONE_SLIPPING).
 *
 * @param slipDays     forecast − due, in days (> 0)
 * @param plannedDays  due − start (the milestone's own start, else the programme's), in days
 * @param slipPercent  slipDays / plannedDays × 100
 * @param severity     CRITICAL at a slip of 30 % or more, else WARNING
 */
public record MilestoneSlip(long slipDays, long plannedDays, BigDecimal slipPercent, Severity severity) {

    public static final int CRITICAL_PERCENT = 30;

    static MilestoneSlip of(LocalDate start, LocalDate dueDate, LocalDate forecastDate) {
        long slipDays = ChronoUnit.DAYS.between(dueDate, forecastDate);
        long plannedDays = ChronoUnit.DAYS.between(start, dueDate);
        if (plannedDays <= 0) {
            throw new IllegalArgumentException("due date " + dueDate + " must be after the start " + start);
        }
        BigDecimal slipPercent = Decimals.divide(BigDecimal.valueOf(slipDays * 100), BigDecimal.valueOf(plannedDays));
        // whole days compared as integers: exact on the 30 % edge
        Severity severity = slipDays * 100 >= plannedDays * CRITICAL_PERCENT ? Severity.CRITICAL : Severity.WARNING;
        return new MilestoneSlip(slipDays, plannedDays, slipPercent, severity);
    }
}

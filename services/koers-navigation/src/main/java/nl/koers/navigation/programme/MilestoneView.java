package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code slipDays}: how many days the forecast lies after the current due date (negative when early);
 * {@code slipPercent}: a late forecast's slip as a share of the planned duration from the milestone's
 * {@code startDate}, or from the programme's start when it has none (null).
 */
public record MilestoneView(
        String programmeId,
        String id,
        String title,
        LocalDate startDate,
        LocalDate dueDate,
        LocalDate originalDueDate,
        LocalDate forecastDate,
        Long slipDays,
        BigDecimal slipPercent,
        LocalDate achievedOn,
        boolean cancelled,
        String cancellationReason,
        List<Rebaseline> rebaselines) {

    public record Rebaseline(
            Instant rebaselinedAt, LocalDate previousDueDate, LocalDate dueDate, String reason, String approvedBy) {
    }
}

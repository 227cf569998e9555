package nl.koers.navigation.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code slipDays}: how many days the forecast lies after the current due date (negative when early). */
public record MilestoneView(
        String programmeId,
        String id,
        String title,
        LocalDate dueDate,
        LocalDate originalDueDate,
        LocalDate forecastDate,
        Long slipDays,
        LocalDate achievedOn,
        boolean cancelled,
        String cancellationReason,
        List<Rebaseline> rebaselines) {

    public record Rebaseline(
            Instant rebaselinedAt, LocalDate previousDueDate, LocalDate dueDate, String reason, String approvedBy) {
    }
}

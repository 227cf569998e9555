package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.koers.rules.Status;

/**
 * A reading as it stands now, with its deviation from the plan line at its measuredAt (positive is better than
 * plan) and the status that gives; {@code versions} only where the single reading is asked.
 */
public record ReadingView(
        String readingId,
        BigDecimal value,
        Instant measuredAt,
        Instant recordedAt,
        BigDecimal deviation,
        Status status,
        String source,
        String note,
        boolean corrected,
        boolean retracted,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReadingVersion> versions) {
}

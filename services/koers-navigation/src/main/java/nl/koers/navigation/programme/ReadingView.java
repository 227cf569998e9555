package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reading as it stands now; {@code versions} only where the single reading is asked. */
public record ReadingView(
        String readingId,
        BigDecimal value,
        Instant measuredAt,
        Instant recordedAt,
        String source,
        String note,
        boolean corrected,
        boolean retracted,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReadingVersion> versions) {
}

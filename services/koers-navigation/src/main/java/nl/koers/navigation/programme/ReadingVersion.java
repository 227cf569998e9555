package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;

/** One version of a reading: as first recorded, each correction, the retraction. */
public record ReadingVersion(int version, Kind kind, BigDecimal value, String reason, Instant recordedAt) {

    public enum Kind {
        RECORDED, CORRECTED, RETRACTED
    }
}

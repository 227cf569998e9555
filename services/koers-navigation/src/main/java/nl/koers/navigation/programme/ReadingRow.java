package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

import nl.koers.api.kpi.KpiKey;
import nl.koers.rules.Reading;

/** A reading as the projection keeps it in {@code nav_reading}: its current value, corrected or retracted. */
record ReadingRow(String programmeId, String kpiId, String readingId, BigDecimal value, Instant measuredAt,
                  Instant recordedAt, String source, String note, boolean corrected, boolean retracted) {

    /** The one order of readings both sides use (koers-rules'), so "the latest reading" is the same everywhere. */
    static final Comparator<ReadingRow> MEASURED_ORDER = Comparator.comparing(ReadingRow::rule, Reading.IN_MEASURED_ORDER);

    String key() {
        return KpiKey.of(programmeId, kpiId);
    }

    Reading rule() {
        return new Reading(readingId, value, measuredAt, recordedAt, retracted);
    }

    ReadingRow correctedTo(BigDecimal newValue) {
        return new ReadingRow(programmeId, kpiId, readingId, newValue, measuredAt, recordedAt, source, note, true,
                retracted);
    }

    ReadingRow asRetracted() {
        return new ReadingRow(programmeId, kpiId, readingId, value, measuredAt, recordedAt, source, note, corrected,
                true);
    }
}

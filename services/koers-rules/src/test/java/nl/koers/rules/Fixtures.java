package nl.koers.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Short ways to write the worked examples' numbers. */
final class Fixtures {

    private Fixtures() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static List<BigDecimal> decs(double... values) {
        List<BigDecimal> decimals = new ArrayList<>();
        for (double value : values) {
            decimals.add(BigDecimal.valueOf(value));
        }
        return decimals;
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** 00:00 UTC of an ISO date, or an ISO instant as is. */
    static Instant at(String isoDateOrInstant) {
        return isoDateOrInstant.contains("T") ? Instant.parse(isoDateOrInstant) : Days.startOf(date(isoDateOrInstant));
    }

    /** A reading measured at {@code measuredAt}, recorded an hour later. */
    static Reading reading(String id, String value, String measuredAt) {
        Instant measured = at(measuredAt);
        return Reading.of(id, dec(value), measured, measured.plusSeconds(3600));
    }

    /** Weekly readings from 1 Jan 2025 (day 0) with these values, ids w0, w1, … */
    static List<Reading> weekly(String... values) {
        List<Reading> readings = new ArrayList<>();
        for (int week = 0; week < values.length; week++) {
            readings.add(reading("w" + week, values[week], Days.startOf(date("2025-01-01").plusWeeks(week)).toString()));
        }
        return readings;
    }

    static Reading retracted(String id, String value, String measuredAt) {
        Reading reading = reading(id, value, measuredAt);
        return new Reading(id, reading.value(), reading.measuredAt(), reading.recordedAt(), true);
    }

    static Target target(String value, String isoDate, String tolerance) {
        return new Target(dec(value), date(isoDate), dec(tolerance));
    }

    /** PRODUCT.md's example: baseline 10 on 1 Jan 2025, target 80 on 31 Dec 2025 (364 days later), tolerance 5. */
    static PlanLine productExamplePlan() {
        return PlanLine.of(dec("10"), date("2025-01-01"), target("80", "2025-12-31", "5"), List.of());
    }

    /** Baseline 0 on 1 Jan 2025, target 100 on 11 Jan 2025: 10 a day, so plan values come out exact. */
    static PlanLine tenADayPlan() {
        return PlanLine.of(dec("0"), date("2025-01-01"), target("100", "2025-01-11", "5"), List.of());
    }
}

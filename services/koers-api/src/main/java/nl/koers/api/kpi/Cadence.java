package nl.koers.api.kpi;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How often a KPI reading is due: an ISO-8601 period in days, weeks, months or years (P1W, P1M, P2M, P1Y).
 * When a length is needed a month counts as 30 days and a year as 365.
 */
public final class Cadence {

    private Cadence() {
    }

    /** The cadence's length in days, or empty when the text is not a positive period of days, weeks, months or years. */
    public static Optional<BigDecimal> lengthInDays(String iso) {
        if (iso == null || !iso.matches("P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?") || iso.equals("P")) {
            return Optional.empty();
        }
        try {
            Period period = Period.parse(iso);
            long days = period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
            return days > 0 ? Optional.of(BigDecimal.valueOf(days)) : Optional.empty();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}

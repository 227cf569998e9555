package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaysTest {

    @Test
    void countsFractionalDaysOfUtcTime() {
        // given 1 Jan 00:00 and 3 Jan 12:00 UTC
        // then 2.5 days lie between them, and -2.5 the other way round
        assertThat(Days.between(at("2025-01-01"), at("2025-01-03T12:00:00Z"))).isEqualByComparingTo("2.5");
        assertThat(Days.between(at("2025-01-03T12:00:00Z"), at("2025-01-01"))).isEqualByComparingTo("-2.5");
    }

    @Test
    void addsFractionalDays() {
        // given 1 Jan 2025 00:00 UTC, when 609.875 days are added, then it is 2 Sep 2026 21:00 UTC
        assertThat(Days.plus(at("2025-01-01"), dec("609.875"))).isEqualTo(at("2026-09-02T21:00:00Z"));
    }

    @Test
    void aDateMeansMidnightUtc() {
        assertThat(Days.startOf(Fixtures.date("2025-03-01"))).isEqualTo(at("2025-03-01T00:00:00Z"));
        assertThat(Days.dateOf(at("2025-03-01T23:59:59Z"))).isEqualTo(Fixtures.date("2025-03-01"));
    }
}

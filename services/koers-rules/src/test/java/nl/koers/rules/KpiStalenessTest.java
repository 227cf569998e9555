package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.retracted;
import static nl.koers.rules.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.koers.api.kpi.Cadence;
import nl.koers.api.signal.Severity;

/** A weekly KPI may go 1.5 × 7 = 10.5 days without a reading; a monthly one 1.5 × 30 = 45. */
class KpiStalenessTest {

    private static final BigDecimal WEEKLY = Cadence.lengthInDays("P1W").orElseThrow();
    private static final BigDecimal MONTHLY = Cadence.lengthInDays("P1M").orElseThrow();
    private static final Instant DEFINED_AT = at("2025-01-01");
    private static final Target END_OF_YEAR = target("80", "2025-12-31", "5");

    @Test
    void withoutReadingsItCountsFromTheDefinition() {
        // given a weekly KPI defined on 1 Jan 00:00 with no readings
        // then on 11 Jan 12:00 (exactly 10.5 days) it is not stale yet; a second later it is
        assertThat(KpiStaleness.evaluate(Optional.empty(), DEFINED_AT, END_OF_YEAR, WEEKLY, at("2025-01-11T12:00:00Z"))).isEmpty();
        KpiStaleness stale = KpiStaleness.evaluate(Optional.empty(), DEFINED_AT, END_OF_YEAR, WEEKLY, at("2025-01-11T12:00:01Z"))
                .orElseThrow();
        assertThat(stale.lastActivityAt()).isEqualTo(DEFINED_AT);
        assertThat(stale.allowedDays()).isEqualByComparingTo("10.5");
        assertThat(stale.daysSince()).isGreaterThan(new BigDecimal("10.5"));
        assertThat(KpiStaleness.SEVERITY).isEqualTo(Severity.WARNING);
    }

    @Test
    void countsFromTheLatestMeasuredAtWhenLater() {
        // given readings measured 3 Feb and 10 Feb, handed over newest first
        List<Reading> readings = List.of(reading("b", "12", "2025-02-10"), reading("a", "11", "2025-02-03"));
        PlanLine plan = Fixtures.productExamplePlan();
        // then on 20 Feb (10 days after 10 Feb) it is fresh; on 21 Feb (11 days) stale, counted from 10 Feb
        assertThat(KpiStaleness.evaluate(readings, DEFINED_AT, plan, WEEKLY, at("2025-02-20"))).isEmpty();
        assertThat(KpiStaleness.evaluate(readings, DEFINED_AT, plan, WEEKLY, at("2025-02-21")))
                .hasValueSatisfying(stale -> {
                    assertThat(stale.lastActivityAt()).isEqualTo(at("2025-02-10"));
                    assertThat(stale.daysSince()).isEqualByComparingTo("11");
                });
    }

    @Test
    void readingsMeasuredBeforeTheDefinitionDoNotMakeItOlder() {
        // given a KPI defined on 1 Mar with a back-filled reading measured 1 Jan
        List<Reading> readings = List.of(reading("a", "11", "2025-01-01"));
        // then on 10 Mar (9 days after the definition) it is fresh
        assertThat(KpiStaleness.evaluate(readings, at("2025-03-01"), Fixtures.productExamplePlan(), WEEKLY, at("2025-03-10"))).isEmpty();
    }

    @Test
    void retractedReadingsDoNotCount() {
        // given the only reading since January was retracted: stale counted from the definition on 1 Jan
        List<Reading> readings = List.of(retracted("a", "11", "2025-02-10"));
        assertThat(KpiStaleness.evaluate(readings, DEFINED_AT, Fixtures.productExamplePlan(), WEEKLY, at("2025-02-12")))
                .hasValueSatisfying(stale -> assertThat(stale.lastActivityAt()).isEqualTo(DEFINED_AT));
    }

    @Test
    void aMonthlyCadenceAllowsFortyFiveDays() {
        // given a monthly KPI last read on 1 Jan: on 15 Feb (45 days) fresh, on 16 Feb (46) stale
        Optional<Instant> latest = Optional.of(at("2025-01-01"));
        assertThat(KpiStaleness.evaluate(latest, DEFINED_AT, END_OF_YEAR, MONTHLY, at("2025-02-15"))).isEmpty();
        assertThat(KpiStaleness.evaluate(latest, DEFINED_AT, END_OF_YEAR, MONTHLY, at("2025-02-16"))).isPresent();
    }

    @Test
    void notOnceTheTargetDateHasPassed() {
        // given a target date of 31 Dec 2025 and no reading since 1 Jan
        // then on 31 Dec it is still stale; from 1 Jan 2026 the rule no longer applies
        assertThat(KpiStaleness.evaluate(Optional.empty(), DEFINED_AT, END_OF_YEAR, WEEKLY, at("2025-12-31T18:00:00Z"))).isPresent();
        assertThat(KpiStaleness.evaluate(Optional.empty(), DEFINED_AT, END_OF_YEAR, WEEKLY, at("2026-01-01"))).isEmpty();
    }
}

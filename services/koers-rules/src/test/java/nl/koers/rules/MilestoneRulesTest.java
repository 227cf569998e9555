package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

/** A programme that starts on 1 Jan 2025 with a milestone due on 11 Apr 2025: 100 days planned. */
class MilestoneRulesTest {

    private static final LocalDate START = date("2025-01-01");
    private static final LocalDate DUE = date("2025-04-11");

    @Test
    void aForecastTenDaysLateSlipsTenPercent() {
        // given a forecast of 21 Apr: 10 days late of 100 planned
        MilestoneSlip slip = MilestoneRules.slip(START, null, DUE, date("2025-04-21")).orElseThrow();
        // then 10 % slip, a WARNING
        assertThat(slip.slipDays()).isEqualTo(10);
        assertThat(slip.plannedDays()).isEqualTo(100);
        assertThat(slip.slipPercent()).isEqualByComparingTo("10");
        assertThat(slip.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void thirtyPercentIsCritical() {
        // 11 May: 30 days late, 30 % → CRITICAL; 10 May: 29 days, 29 % → WARNING
        assertThat(MilestoneRules.slip(START, null, DUE, date("2025-05-11"))).hasValueSatisfying(slip -> {
            assertThat(slip.slipPercent()).isEqualByComparingTo("30");
            assertThat(slip.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(MilestoneRules.slip(START, null, DUE, date("2025-05-10")))
                .hasValueSatisfying(slip -> assertThat(slip.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void thirtyPercentEdgeIsExactWhenThePercentageDoesNotTerminate() {
        // given 1 Jan → due 31 Jan (30 days); a forecast 9 days late is exactly 30 %, 8 days 26.67 %
        assertThat(MilestoneRules.slip(START, null, date("2025-01-31"), date("2025-02-09")))
                .hasValueSatisfying(slip -> assertThat(slip.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(MilestoneRules.slip(START, null, date("2025-01-31"), date("2025-02-08")))
                .hasValueSatisfying(slip -> assertThat(slip.severity()).isEqualTo(Severity.WARNING));
        // and 1 Jan → 4 Jan (3 days) with 1 day late: 33.33 % → CRITICAL
        assertThat(MilestoneRules.slip(START, null, date("2025-01-04"), date("2025-01-05")))
                .hasValueSatisfying(slip -> assertThat(slip.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aMilestoneWithItsOwnStartSlipsAgainstItsOwnSpan() {
        // given a milestone started on 21 Mar, 21 days before its due date of 11 Apr
        LocalDate milestoneStart = date("2025-03-21");
        // when forecast 7 days late: 7 of 100 days from the programme's start, but 7 of 21 from its own
        MilestoneSlip slip = MilestoneRules.slip(START, milestoneStart, DUE, date("2025-04-18")).orElseThrow();
        // then 33.33 %, CRITICAL
        assertThat(slip.plannedDays()).isEqualTo(21);
        assertThat(slip.slipPercent()).isBetween(new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertThat(slip.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aForecastOnOrBeforeTheDueDateIsNoSlip() {
        assertThat(MilestoneRules.slip(START, null, DUE, DUE)).isEmpty();
        assertThat(MilestoneRules.slip(START, null, DUE, date("2025-03-01"))).isEmpty();
    }

    @Test
    void aDueDateNotAfterTheStartIsRefused() {
        assertThatThrownBy(() -> MilestoneRules.slip(START, null, START, date("2025-02-01"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overdueOnceTheDueDateHasPassed() {
        // given due 11 Apr, neither achieved nor cancelled: all of 11 Apr it is not overdue, from 12 Apr 00:00 UTC it is
        assertThat(MilestoneRules.isOverdue(DUE, false, false, at("2025-04-11T23:59:59Z"))).isFalse();
        assertThat(MilestoneRules.isOverdue(DUE, false, false, at("2025-04-12"))).isTrue();
        assertThat(MilestoneRules.OVERDUE_SEVERITY).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void achievedOrCancelledIsNeverOverdue() {
        assertThat(MilestoneRules.isOverdue(DUE, true, false, at("2025-06-01"))).isFalse();
        assertThat(MilestoneRules.isOverdue(DUE, false, true, at("2025-06-01"))).isFalse();
    }

    @Test
    void rebaselinedAgainFromTheSecondRebaseline() {
        assertThat(MilestoneRules.isRebaselinedAgain(0)).isFalse();
        assertThat(MilestoneRules.isRebaselinedAgain(1)).isFalse();
        assertThat(MilestoneRules.isRebaselinedAgain(2)).isTrue();
        assertThat(MilestoneRules.isRebaselinedAgain(3)).isTrue();
    }
}

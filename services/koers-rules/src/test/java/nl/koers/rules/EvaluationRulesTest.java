package nl.koers.rules;

import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import nl.koers.api.signal.Severity;

class EvaluationRulesTest {

    private static final LocalDate START = date("2025-01-01");

    @Test
    void anEvaluationIsOverdueMoreThanSevenDaysAfterItsScheduledDate() {
        // given an evaluation scheduled for 1 Mar without an outcome
        LocalDate scheduled = date("2025-03-01");
        // then on 8 Mar (7 days later) it is not overdue; from 9 Mar (8 days) it is
        assertThat(EvaluationRules.isOverdue(scheduled, false, at("2025-03-08T23:59:59Z"))).isFalse();
        assertThat(EvaluationRules.isOverdue(scheduled, false, at("2025-03-09"))).isTrue();
        // and with an outcome it never is
        assertThat(EvaluationRules.isOverdue(scheduled, true, at("2025-06-01"))).isFalse();
    }

    @Test
    void aProgrammeWithoutOutcomesCountsFromItsStart() {
        // given a programme started 1 Jan with no outcome: 1 Apr is 90 days on (31 + 28 + 31), 2 Apr 91
        assertThat(EvaluationRules.programmeOverdue(START, Optional.empty(), at("2025-04-01T23:00:00Z"))).isEmpty();
        assertThat(EvaluationRules.programmeOverdue(START, Optional.empty(), at("2025-04-02"))).hasValueSatisfying(gap -> {
            assertThat(gap.since()).isEqualTo(START);
            assertThat(gap.daysWithout()).isEqualTo(91);
        });
        assertThat(EvaluationRules.SEVERITY).isEqualTo(Severity.WARNING);
    }

    @Test
    void aProgrammeCountsFromItsLastOutcome() {
        // given the last outcome held on 15 Mar: 13 Jun is 90 days on, 14 Jun 91
        Optional<LocalDate> lastHeldOn = Optional.of(date("2025-03-15"));
        assertThat(EvaluationRules.programmeOverdue(START, lastHeldOn, at("2025-06-13"))).isEmpty();
        assertThat(EvaluationRules.programmeOverdue(START, lastHeldOn, at("2025-06-14")))
                .hasValueSatisfying(gap -> assertThat(gap.since()).isEqualTo(date("2025-03-15")));
    }

    @Test
    void anOutcomeHeldBeforeTheStartDoesNotMoveTheCountBack() {
        // given an outcome held on 1 Dec 2024, before the 1 Jan start: counted from 1 Jan, so 1 Apr is not overdue
        assertThat(EvaluationRules.programmeOverdue(START, Optional.of(date("2024-12-01")), at("2025-04-01"))).isEmpty();
    }
}

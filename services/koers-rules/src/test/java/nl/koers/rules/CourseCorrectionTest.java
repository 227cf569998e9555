package nl.koers.rules;

import static nl.koers.api.kpi.Direction.HIGHER_IS_BETTER;
import static nl.koers.rules.Fixtures.at;
import static nl.koers.rules.Fixtures.reading;
import static nl.koers.rules.Fixtures.retracted;
import static nl.koers.rules.Fixtures.tenADayPlan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CourseCorrectionTest {

    @Test
    void aCorrectionThatWorkedSteepensTheTrendAndNarrowsTheGapToPlan() {
        // given a plan of 10 a day from 0 on 1 Jan; readings fall behind it, the decision on 5 Jan, then catch up
        List<Reading> readings = List.of(
                reading("a", "10", "2025-01-02"), reading("b", "15", "2025-01-03"), reading("c", "20", "2025-01-04"),
                retracted("x", "99", "2025-01-04T12:00:00Z"),
                reading("d", "45", "2025-01-06"), reading("e", "62", "2025-01-07"));

        CourseCorrection correction = CourseCorrection.of(readings, tenADayPlan(), HIGHER_IS_BETTER, at("2025-01-05"));

        // then before: 5 a day, 35 a week; after: 17 a day, 119 a week
        assertThat(correction.slopePerWeekBefore()).isEqualByComparingTo("35");
        assertThat(correction.slopePerWeekAfter()).isEqualByComparingTo("119");
        // and 20 against a plan of 30 on 4 Jan (−10), 62 against 60 on 7 Jan (+2): toward the plan line
        assertThat(correction.deviationBefore()).isEqualByComparingTo("-10");
        assertThat(correction.deviationAfter()).isEqualByComparingTo("2");
        assertThat(correction.movedTowardPlan()).isTrue();
    }

    @Test
    void withoutReadingsSinceTheDecisionNothingCanBeTold() {
        CourseCorrection correction = CourseCorrection.of(List.of(reading("a", "10", "2025-01-02")), tenADayPlan(),
                HIGHER_IS_BETTER, at("2025-01-05"));

        assertThat(correction.slopePerWeekBefore()).isNull();
        assertThat(correction.slopePerWeekAfter()).isNull();
        assertThat(correction.deviationBefore()).isEqualByComparingTo("0");
        assertThat(correction.deviationAfter()).isNull();
        assertThat(correction.movedTowardPlan()).isNull();
    }
}

package nl.koers.navigation.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.kpi.Direction;
import nl.koers.rules.Status;
import nl.koers.rules.Target;
import org.junit.jupiter.api.Test;

/** A KPI's status, latest reading and plan value, from rows alone. */
class KpiViewsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");
    /** Baseline 10 on 1 Jan, target 80 on 31 Dec, tolerance 5: the plan is 21.35 on 1 Mar. */
    private static final KpiRow ADOPTION = new KpiRow("permits", "adoption", "Adoption", "%",
            Direction.HIGHER_IS_BETTER, new BigDecimal("10"), LocalDate.parse("2026-01-01"),
            new Target(new BigDecimal("80"), LocalDate.parse("2026-12-31"), new BigDecimal("5")), new BigDecimal("7"),
            "P1W", null, null, Instant.parse("2026-01-01T09:00:00Z"));

    @Test
    void theLatestReadingIsTheLastMeasuredThenRecordedThenByIdAsTheWriteSideOrdersThem() {
        // given two readings measured and recorded at the same moment, and a later one that was retracted
        Instant measured = Instant.parse("2026-03-01T00:00:00Z");
        Instant recorded = Instant.parse("2026-03-01T10:00:00Z");
        ReadingRow a = reading("a", "11", measured, recorded);
        ReadingRow b = reading("b", "30", measured, recorded);
        ReadingRow retracted = reading("c", "50", measured.plusSeconds(86_400), recorded).asRetracted();

        // when the KPI is shown
        KpiView kpi = KpiViews.whole(ADOPTION, List.of(), List.of(retracted, b, a), List.of(), NOW);

        // then the readings are in measured order, and the latest that counts is b, by its id
        assertThat(kpi.readings()).extracting(ReadingView::readingId).containsExactly("a", "b", "c");
        assertThat(kpi.latestReading().readingId()).isEqualTo("b");
        assertThat(KpiViews.latest(List.of(a, b, retracted))).isEqualTo(b);
        assertThat(kpi.status()).isEqualTo(Status.GREEN);
    }

    @Test
    void aReadingFarBelowThePlanIsRedAndAKpiWithoutReadingsHasNoData() {
        ReadingRow offPlan = reading("w9", "11", Instant.parse("2026-03-01T00:00:00Z"), NOW);

        assertThat(KpiViews.summary(ADOPTION, List.of(), offPlan, NOW).status()).isEqualTo(Status.RED);
        assertThat(KpiViews.summary(ADOPTION, List.of(), null, NOW).status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void aRetargetChangesTheTargetInForceAndTheRowsKeepTheDefinedOne() {
        KpiView.Retarget retarget = new KpiView.Retarget(Instant.parse("2026-02-01T00:00:00Z"), new BigDecimal("70"),
                LocalDate.parse("2027-03-31"), new BigDecimal("4"), new BigDecimal("80"), LocalDate.parse("2026-12-31"),
                "scope cut");

        KpiView kpi = KpiViews.summary(ADOPTION, List.of(retarget), null, NOW);

        assertThat(kpi.target()).isEqualByComparingTo("70");
        assertThat(kpi.targetDate()).isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(kpi.tolerance()).isEqualByComparingTo("4");
        assertThat(ADOPTION.defined().value()).isEqualByComparingTo("80");
    }

    @Test
    void fewReadingsGiveAnEmptyForecast() {
        ReadingRow one = reading("w9", "11", Instant.parse("2026-03-01T00:00:00Z"), NOW);

        assertThat(KpiViews.whole(ADOPTION, List.of(), List.of(one), List.of(), NOW).forecast())
                .isEqualTo(new KpiView.ForecastView(null, null, null, null));
    }

    private static ReadingRow reading(String id, String value, Instant measuredAt, Instant recordedAt) {
        return new ReadingRow("permits", "adoption", id, new BigDecimal(value), measuredAt, recordedAt, "export", null,
                false, false);
    }
}

package nl.koers.tracking.kpi;

import static nl.koers.tracking.RuleViolationMatcher.violationOf;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.kpi.CorrectReading;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.Lever;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.kpi.RetargetKpi;
import nl.koers.api.kpi.RetractReading;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.tracking.InMemoryProgrammeDirectory;

class KpiTest {

    static final String PROGRAMME_ID = "digital-permits";
    static final String KPI_ID = "online-share";
    static final String OBJECTIVE_ID = "online-first";
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final LocalDate BASELINE_DATE = LocalDate.of(2025, 1, 1);
    static final LocalDate TARGET_DATE = LocalDate.of(2025, 12, 31);

    static final KpiDefined DEFINED = new KpiDefined(PROGRAMME_ID, KPI_ID, "Share of applications online", "%",
            Direction.HIGHER_IS_BETTER, new BigDecimal("10"), BASELINE_DATE, new BigDecimal("80"), TARGET_DATE,
            new BigDecimal("5"), "P1W", OBJECTIVE_ID, Lever.NAVIGATION);

    private FixtureConfiguration<Kpi> fixture;
    private InMemoryProgrammeDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new InMemoryProgrammeDirectory()
                .put(PROGRAMME_ID, ProgrammeStatus.ACTIVE, Set.of(OBJECTIVE_ID, "faster-permits"));
        fixture = new AggregateTestFixture<>(Kpi.class)
                .registerInjectableResource(directory)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void programmeIs(ProgrammeStatus status) {
        directory.put(PROGRAMME_ID, status, Set.of(OBJECTIVE_ID, "faster-permits"));
    }

    @Nested
    class Defining {

        private DefineKpi define(Direction direction, String baseline, String target, LocalDate targetDate,
                String tolerance, String cadence, String objectiveId) {
            return new DefineKpi(PROGRAMME_ID, KPI_ID, "Share of applications online", "%", direction,
                    new BigDecimal(baseline), BASELINE_DATE, new BigDecimal(target), targetDate,
                    new BigDecimal(tolerance), cadence, objectiveId, Lever.NAVIGATION);
        }

        private DefineKpi valid() {
            return define(Direction.HIGHER_IS_BETTER, "10", "80", TARGET_DATE, "5", "P1W", OBJECTIVE_ID);
        }

        @Test
        void definesAKpi() {
            fixture.givenNoPriorActivity()
                    .when(valid())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(DEFINED);
        }

        @Test
        void definesALowerIsBetterKpiWithoutObjective() {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.LOWER_IS_BETTER, "40", "20", TARGET_DATE, "2", "P1M", null))
                    .expectEvents(new KpiDefined(PROGRAMME_ID, KPI_ID, "Share of applications online", "%",
                            Direction.LOWER_IS_BETTER, new BigDecimal("40"), BASELINE_DATE, new BigDecimal("20"),
                            TARGET_DATE, new BigDecimal("2"), "P1M", null, Lever.NAVIGATION));
        }

        @Test
        void definesAKpiInAPausedProgramme() {
            programmeIs(ProgrammeStatus.PAUSED);

            fixture.givenNoPriorActivity()
                    .when(valid())
                    .expectEvents(DEFINED);
        }

        @Test
        void refusesAnUnknownProgramme() {
            fixture.givenNoPriorActivity()
                    .when(new DefineKpi("no-such-programme", KPI_ID, "Share", "%", Direction.HIGHER_IS_BETTER,
                            BigDecimal.ONE, BASELINE_DATE, BigDecimal.TEN, TARGET_DATE, BigDecimal.ONE, "P1W", null,
                            null))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesAKpiInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);

            fixture.givenNoPriorActivity()
                    .when(valid())
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAKpiIdThatIsAlreadyDefined() {
            fixture.given(DEFINED)
                    .when(valid())
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesATargetBelowTheBaselineWhenHigherIsBetter() {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.HIGHER_IS_BETTER, "10", "8", TARGET_DATE, "5", "P1W", null))
                    .expectNoEvents()
                    .expectException(violationOf("target"));
        }

        @Test
        void refusesATargetAboveTheBaselineWhenLowerIsBetter() {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.LOWER_IS_BETTER, "10", "12", TARGET_DATE, "5", "P1W", null))
                    .expectNoEvents()
                    .expectException(violationOf("target"));
        }

        @Test
        void refusesATargetEqualToTheBaseline() {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.HIGHER_IS_BETTER, "10", "10.00", TARGET_DATE, "5", "P1W", null))
                    .expectNoEvents()
                    .expectException(violationOf("target"));
        }

        @Test
        void refusesATargetDateOnTheBaselineDate() {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.HIGHER_IS_BETTER, "10", "80", BASELINE_DATE, "5", "P1W", null))
                    .expectNoEvents()
                    .expectException(violationOf("targetDate"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "0.000"})
        void refusesAToleranceThatIsNotPositive(String tolerance) {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.HIGHER_IS_BETTER, "10", "80", TARGET_DATE, tolerance, "P1W", null))
                    .expectNoEvents()
                    .expectException(violationOf("tolerance"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"weekly", "PT1H", "P0D", "P", "-P1W", "P1.5W"})
        void refusesACadenceThatIsNotAPositivePeriodOfDaysWeeksMonthsOrYears(String cadence) {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.HIGHER_IS_BETTER, "10", "80", TARGET_DATE, "5", cadence, null))
                    .expectNoEvents()
                    .expectException(violationOf("cadence"));
        }

        @Test
        void refusesAnObjectiveOfAnotherProgramme() {
            fixture.givenNoPriorActivity()
                    .when(define(Direction.HIGHER_IS_BETTER, "10", "80", TARGET_DATE, "5", "P1W", "world-peace"))
                    .expectNoEvents()
                    .expectException(violationOf("objectiveId"));
        }

        @Test
        void refusesABlankName() {
            fixture.givenNoPriorActivity()
                    .when(new DefineKpi(PROGRAMME_ID, KPI_ID, " ", "%", Direction.HIGHER_IS_BETTER, BigDecimal.ONE,
                            BASELINE_DATE, BigDecimal.TEN, TARGET_DATE, BigDecimal.ONE, "P1W", null, null))
                    .expectNoEvents()
                    .expectException(violationOf("name"));
        }
    }

    @Nested
    class Retargeting {

        private static final LocalDate NEW_TARGET_DATE = LocalDate.of(2026, 6, 30);

        @Test
        void retargetsKeepingTheTolerance() {
            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE, null,
                            "Intake channel delayed"))
                    .expectEvents(new KpiRetargeted(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE,
                            new BigDecimal("5"), new BigDecimal("80"), TARGET_DATE, "Intake channel delayed"));
        }

        @Test
        void retargetsWithANewTolerance() {
            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("90"), NEW_TARGET_DATE,
                            new BigDecimal("3"), "More ambition"))
                    .expectEvents(new KpiRetargeted(PROGRAMME_ID, KPI_ID, new BigDecimal("90"), NEW_TARGET_DATE,
                            new BigDecimal("3"), new BigDecimal("80"), TARGET_DATE, "More ambition"));
        }

        @Test
        void retargetsInAPausedProgramme() {
            programmeIs(ProgrammeStatus.PAUSED);

            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE, null, "Delay"))
                    .expectEvents(new KpiRetargeted(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE,
                            new BigDecimal("5"), new BigDecimal("80"), TARGET_DATE, "Delay"));
        }

        @Test
        void refusesATargetOnTheWrongSideOfTheBaseline() {
            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("9"), NEW_TARGET_DATE, null, "Oops"))
                    .expectNoEvents()
                    .expectException(violationOf("target"));
        }

        @Test
        void refusesATargetDateOnTheBaselineDate() {
            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), BASELINE_DATE, null, "Oops"))
                    .expectNoEvents()
                    .expectException(violationOf("targetDate"));
        }

        @Test
        void refusesATargetDateThatIsNotAfterToday() {
            LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), today, null, "Due today"))
                    .expectNoEvents()
                    .expectException(violationOf("targetDate"));
        }

        @Test
        void refusesAToleranceThatIsNotPositive() {
            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE,
                            BigDecimal.ZERO, "No slack"))
                    .expectNoEvents()
                    .expectException(violationOf("tolerance"));
        }

        @Test
        void refusesWithoutReason() {
            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE, null, " "))
                    .expectNoEvents()
                    .expectException(violationOf("reason"));
        }

        @Test
        void refusesInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);

            fixture.given(DEFINED)
                    .when(new RetargetKpi(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), NEW_TARGET_DATE, null, "Late"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }
}

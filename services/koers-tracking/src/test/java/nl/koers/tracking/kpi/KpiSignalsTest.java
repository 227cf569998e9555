package nl.koers.tracking.kpi;

import static nl.koers.tracking.EventsMatcher.events;
import static nl.koers.tracking.EventsMatcher.payloadsSatisfying;
import static nl.koers.tracking.RuleViolationMatcher.violationOf;
import static nl.koers.tracking.kpi.KpiTest.DEFINED;
import static nl.koers.tracking.kpi.KpiTest.KPI_ID;
import static nl.koers.tracking.kpi.KpiTest.NOW;
import static nl.koers.tracking.kpi.KpiTest.OBJECTIVE_ID;
import static nl.koers.tracking.kpi.KpiTest.PROGRAMME_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.kpi.CheckKpiStaleness;
import nl.koers.api.kpi.ClearKpiSignals;
import nl.koers.api.kpi.CorrectReading;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.kpi.RetractReading;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.AcknowledgeKpiSignal;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.tracking.InMemoryProgrammeDirectory;

/**
 * The KPI's signals. The KPI heads from 10 on 2025-01-01 to 80 on 2025-12-31 (364 days), tolerance 5, weekly: its
 * plan on 2025-03-01 is 10 + 70 × 59 / 364 = 21.35, so 12 is AMBER (−9.35) and 11 RED (−10.35), as on the page.
 */
class KpiSignalsTest {

    private static final Subject KPI = Subject.kpi(PROGRAMME_ID, KPI_ID);
    private static final Instant MARCH_1 = Instant.parse("2025-03-01T00:00:00Z");
    private static final BigDecimal PLAN_ON_MARCH_1 = new BigDecimal("21.34615384615385");
    private static final String OFF_PLAN_ID = "digital-permits.kpi.online-share.kpi_off_plan.1";

    private static final SignalRaised OFF_PLAN_AMBER = new SignalRaised(PROGRAMME_ID, OFF_PLAN_ID,
            SignalType.KPI_OFF_PLAN, KPI, Severity.WARNING,
            "Share of applications online was 12 % on 2025-03-01, 9.35 worse than the plan of 21.35; more than the "
                    + "tolerance of 5.",
            Map.of("value", new BigDecimal("12"), "plan", PLAN_ON_MARCH_1, "deviation", new BigDecimal("-9.34615384615385"),
                    "tolerance", new BigDecimal("5"), "status", "AMBER", "measuredAt", "2025-03-01T00:00:00Z",
                    "readingId", "r1"));

    private FixtureConfiguration<Kpi> fixture;
    private InMemoryProgrammeDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new InMemoryProgrammeDirectory().put(PROGRAMME_ID, ProgrammeStatus.ACTIVE, Set.of(OBJECTIVE_ID));
        fixture = new AggregateTestFixture<>(Kpi.class)
                .registerInjectableResource(directory)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void programmeIs(ProgrammeStatus status) {
        directory.put(PROGRAMME_ID, status, Set.of(OBJECTIVE_ID));
    }

    private static ReadingRecorded recorded(String readingId, String value, Instant measuredAt) {
        return new ReadingRecorded(PROGRAMME_ID, KPI_ID, readingId, new BigDecimal(value), measuredAt, "script", null);
    }

    private static RecordReading record(String readingId, String value, Instant measuredAt) {
        return new RecordReading(PROGRAMME_ID, KPI_ID, readingId, new BigDecimal(value), measuredAt, "script", null);
    }

    private static SignalCleared cleared(SignalRaised raised, String explanation) {
        return new SignalCleared(PROGRAMME_ID, raised.signalId(), raised.type(), raised.subject(), explanation);
    }

    private static SignalRaised raised(SignalType type, int raise, Severity severity) {
        return new SignalRaised(PROGRAMME_ID, SignalId.of(KPI, type, raise).toString(), type, KPI, severity,
                "Raised before", Map.of());
    }

    @Nested
    class OffPlan {

        private static final String BACK_ON_PLAN =
                "Share of applications online is back within tolerance of its plan, or has no readings.";

        @Test
        void raisesAWarningWhenTheLatestReadingIsAmber() {
            fixture.given(DEFINED)
                    .when(record("r1", "12", MARCH_1))
                    .expectEventsMatching(events(recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER));
        }

        @Test
        void raisesItInAPausedProgrammeToo() {
            programmeIs(ProgrammeStatus.PAUSED);

            fixture.given(DEFINED)
                    .when(record("r1", "12", MARCH_1))
                    .expectEventsMatching(events(recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER));
        }

        @Test
        void keepsItsIdWhileItStaysAmberAndNamesTheLatestReading() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(record("r2", "12.5", MARCH_1))
                    .expectEventsMatching(events(recorded("r2", "12.5", MARCH_1),
                            new SignalEvidenceUpdated(PROGRAMME_ID, OFF_PLAN_ID, SignalType.KPI_OFF_PLAN, KPI,
                                    Severity.WARNING,
                                    "Share of applications online was 12.5 % on 2025-03-01, 8.85 worse than the plan of "
                                            + "21.35; more than the tolerance of 5.",
                                    Map.of("value", new BigDecimal("12.5"), "plan", PLAN_ON_MARCH_1,
                                            "deviation", new BigDecimal("-8.84615384615385"),
                                            "tolerance", new BigDecimal("5"), "status", "AMBER",
                                            "measuredAt", "2025-03-01T00:00:00Z", "readingId", "r2"))));
        }

        @Test
        void updatesNothingWhileTheSentenceStaysTheSame() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(record("r2", "12", MARCH_1))
                    .expectEvents(recorded("r2", "12", MARCH_1));
        }

        @Test
        void updatesItOncePerCommandAndOnlyFromTheLatestFacts() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER,
                            recorded("r2", "12.5", MARCH_1),
                            new SignalEvidenceUpdated(PROGRAMME_ID, OFF_PLAN_ID, SignalType.KPI_OFF_PLAN, KPI,
                                    Severity.WARNING, "Share of applications online was 12.5 % on 2025-03-01, 8.85 "
                                    + "worse than the plan of 21.35; more than the tolerance of 5.", Map.of()))
                    .when(record("r3", "12.5", MARCH_1))
                    .expectEvents(recorded("r3", "12.5", MARCH_1));
        }

        @Test
        void aBackfilledOlderReadingIsNotTheLatest() {
            Instant february22 = Instant.parse("2025-02-22T00:00:00Z");

            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(record("r0", "20", february22))
                    .expectEvents(recorded("r0", "20", february22));
        }

        @Test
        void aRepeatedReadingAppliesNothing() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(record("r1", "12", MARCH_1))
                    .expectNoEvents();
        }

        @Test
        void escalatesToCriticalWhenTheLatestReadingTurnsRed() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(record("r2", "11", MARCH_1))
                    .expectEventsMatching(events(recorded("r2", "11", MARCH_1),
                            new SignalSeverityChanged(PROGRAMME_ID, OFF_PLAN_ID, SignalType.KPI_OFF_PLAN, KPI,
                                    Severity.WARNING, Severity.CRITICAL,
                                    "Share of applications online was 11 % on 2025-03-01, 10.35 worse than the plan of "
                                            + "21.35; more than twice the tolerance of 5.",
                                    Map.of("value", new BigDecimal("11"), "plan", PLAN_ON_MARCH_1,
                                            "deviation", new BigDecimal("-10.34615384615385"),
                                            "tolerance", new BigDecimal("5"), "status", "RED",
                                            "measuredAt", "2025-03-01T00:00:00Z", "readingId", "r2"))));
        }

        @Test
        void clearsWhenTheNextReadingIsBackOnPlan() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(record("r2", "17", MARCH_1))
                    .expectEvents(recorded("r2", "17", MARCH_1), cleared(OFF_PLAN_AMBER, BACK_ON_PLAN));
        }

        @Test
        void aCorrectionReassesses() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, "r1", new BigDecimal("21"), "Late batch"))
                    .expectEvents(new ReadingCorrected(PROGRAMME_ID, KPI_ID, "r1", new BigDecimal("21"),
                            new BigDecimal("12"), "Late batch"), cleared(OFF_PLAN_AMBER, BACK_ON_PLAN));
        }

        @Test
        void retractingTheOffPlanLatestReadingClearsIt() {
            // the plan on 2025-02-22 (52 days) is exactly 20
            Instant february22 = Instant.parse("2025-02-22T00:00:00Z");

            fixture.given(DEFINED, recorded("r0", "20", february22), recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, "r1", "Wrong channel"))
                    .expectEvents(new ReadingRetracted(PROGRAMME_ID, KPI_ID, "r1", "Wrong channel"),
                            cleared(OFF_PLAN_AMBER, BACK_ON_PLAN));
        }

        @Test
        void aReturningConditionIsANewSignal() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER, recorded("r2", "17", MARCH_1),
                            cleared(OFF_PLAN_AMBER, BACK_ON_PLAN))
                    .when(record("r3", "12", MARCH_1))
                    .expectEventsMatching(payloadsSatisfying(events -> {
                        assertThat(events).hasSize(2);
                        SignalRaised again = (SignalRaised) events.get(1);
                        assertThat(again.signalId()).isEqualTo("digital-permits.kpi.online-share.kpi_off_plan.2");
                        assertThat(again.severity()).isEqualTo(Severity.WARNING);
                        assertThat(again.evidence()).containsEntry("readingId", "r3");
                    }));
        }
    }

    @Nested
    class ForecastMiss {

        @Test
        void raisesAWarningWhenEvenTheFavourableBoundMissesTheTargetByMoreThanTheTolerance() {
            fixture.given(DEFINED, recorded("w4", "20", Instant.parse("2025-01-25T00:00:00Z")),
                            recorded("w5", "20", Instant.parse("2025-02-01T00:00:00Z")),
                            recorded("w6", "20", Instant.parse("2025-02-08T00:00:00Z")),
                            recorded("w7", "20", Instant.parse("2025-02-15T00:00:00Z")),
                            recorded("w8", "20", Instant.parse("2025-02-22T00:00:00Z")))
                    .when(record("w9", "20", MARCH_1))
                    .expectEventsMatching(events(recorded("w9", "20", MARCH_1), new SignalRaised(PROGRAMME_ID,
                            "digital-permits.kpi.online-share.kpi_forecast_miss.1", SignalType.KPI_FORECAST_MISS, KPI,
                            Severity.WARNING,
                            "At the rate of its last 6 readings Share of applications online would be 20 % on its target "
                                    + "date 2025-12-31, at best 20 (95 % confidence): 60 short of the target of 80 with "
                                    + "a tolerance of 5; at this rate the target is never reached.",
                            Map.ofEntries(Map.entry("valueAtTarget", new BigDecimal("20")),
                                    Map.entry("valueAtTargetLow", new BigDecimal("20")),
                                    Map.entry("valueAtTargetHigh", new BigDecimal("20")),
                                    Map.entry("target", new BigDecimal("80")), Map.entry("targetDate", "2025-12-31"),
                                    Map.entry("tolerance", new BigDecimal("5")), Map.entry("shortfall", new BigDecimal("60")),
                                    Map.entry("shortfallAtBound", new BigDecimal("60")),
                                    Map.entry("targetReachedOn", "never"), Map.entry("slopePerDay", BigDecimal.ZERO),
                                    Map.entry("readingsUsed", 6)))));
        }

        @Test
        void anOpenMissNamesTheLineThroughTheLatestReadings() {
            Instant march1Morning = Instant.parse("2025-03-01T06:00:00Z");
            fixture.given(DEFINED, recorded("w4", "20", Instant.parse("2025-01-25T00:00:00Z")),
                            recorded("w5", "20", Instant.parse("2025-02-01T00:00:00Z")),
                            recorded("w6", "20", Instant.parse("2025-02-08T00:00:00Z")),
                            recorded("w7", "20", Instant.parse("2025-02-15T00:00:00Z")),
                            recorded("w8", "20", Instant.parse("2025-02-22T00:00:00Z")),
                            recorded("w9", "20", MARCH_1),
                            raised(SignalType.KPI_FORECAST_MISS, 1, Severity.WARNING))
                    .when(record("w10", "20", march1Morning))
                    .expectEventsMatching(payloadsSatisfying(events -> {
                        assertThat(events).hasSize(2);
                        assertThat(events.get(1)).isInstanceOfSatisfying(SignalEvidenceUpdated.class, updated -> {
                            assertThat(updated.signalId()).isEqualTo("digital-permits.kpi.online-share.kpi_forecast_miss.1");
                            assertThat(updated.explanation()).startsWith("At the rate of its last 7 readings");
                            assertThat(updated.evidence()).containsEntry("readingsUsed", 7);
                        });
                    }));
        }

        @Test
        void needsSixReadings() {
            fixture.given(DEFINED, recorded("w5", "20", Instant.parse("2025-02-01T00:00:00Z")),
                            recorded("w6", "20", Instant.parse("2025-02-08T00:00:00Z")),
                            recorded("w7", "20", Instant.parse("2025-02-15T00:00:00Z")),
                            recorded("w8", "20", Instant.parse("2025-02-22T00:00:00Z")))
                    .when(record("w9", "20", MARCH_1))
                    .expectEvents(recorded("w9", "20", MARCH_1));
        }
    }

    @Nested
    class Shift {

        private static final String SHIFT_SENTENCE = "Share of applications online: The deviations from plan have "
                + "shifted for the worse, beyond what noise explains: a self-starting CUSUM (k 0.50) of each deviation's "
                + "normal score against those before it passed the decision interval of 4.90; the usual level, from 9 "
                + "earlier readings, is 0.06 (σ 0.53).";
        private final Instant first = Instant.parse("2024-06-03T00:00:00Z");

        /**
         * Weekly readings in 2024, before the baseline date, where the plan stands at 10: twelve alternate 10.5 and 9.5
         * (deviations +0.5, −0.5), then {@code worse} of 8.5 (−1.5): ShiftDetectorTest's example at half the scale.
         */
        private List<Object> history(int worse) {
            List<Object> events = new ArrayList<>();
            events.add(DEFINED);
            for (int i = 0; i < 12 + worse; i++) {
                String value = i >= 12 ? "8.5" : i % 2 == 0 ? "10.5" : "9.5";
                events.add(recorded("w" + i, value, week(i)));
            }
            return events;
        }

        private Instant week(int i) {
            return first.plus(Duration.ofDays(7L * i));
        }

        @Test
        void raisesAWarningForASustainedShiftForTheWorseFromTheFirstWeeks() {
            fixture.givenCurrentTime(Instant.parse("2024-06-01T00:00:00Z"))
                    .andGiven(history(2))
                    .when(record("w14", "8.5", week(14)))
                    .expectEventsMatching(payloadsSatisfying(events -> {
                        List<SignalRaised> shifts = shifts(events);
                        assertThat(shifts).hasSize(1);
                        SignalRaised shift = shifts.get(0);
                        assertThat(shift.severity()).isEqualTo(Severity.WARNING);
                        assertThat(shift.explanation()).isEqualTo(SHIFT_SENTENCE);
                        // the third reading of 8.5 takes the CUSUM of normal scores from 3.54 to 5.31, over h = 4.9
                        assertThat(evidence(shift, "statistic", 2)).isEqualByComparingTo("5.31");
                        assertThat(shift.evidence()).containsEntry("rule", "SELF_STARTING_CUSUM")
                                .containsEntry("direction", "WORSENING")
                                .containsEntry("baselineReadings", 9)
                                .containsKeys("statistic", "decisionInterval", "mean", "sigma", "xmrCentreLine",
                                        "xmrLowerLimit", "xmrUpperLimit", "movingRangeLimit");
                        assertThat(evidence(shift, "mean", 4)).isEqualByComparingTo("0.0556");
                        // the XmR limits come from the 14 deviations before the latest: −3 / 14
                        assertThat(evidence(shift, "xmrCentreLine", 4)).isEqualByComparingTo("-0.2143");
                    }));
        }

        @Test
        void countsOnlyReadingsSinceTheLastRetarget() {
            fixture.givenCurrentTime(Instant.parse("2024-06-01T00:00:00Z"))
                    .andGiven(history(2))
                    .andGivenCurrentTime(Instant.parse("2024-12-01T00:00:00Z"))
                    .andGiven(new KpiRetargeted(PROGRAMME_ID, KPI_ID, new BigDecimal("70"), LocalDate.of(2026, 6, 30),
                            new BigDecimal("5"), new BigDecimal("80"), LocalDate.of(2025, 12, 31), "Later"))
                    .when(record("w14", "8.5", week(14)))
                    .expectEventsMatching(payloadsSatisfying(events -> assertThat(shifts(events)).isEmpty()));
        }

        /**
         * Its sentence holds while the shift does: a later reading moves only the CUSUM and does not join the usual
         * level, so nothing is recorded.
         */
        @Test
        void anOpenShiftKeepsItsSentenceWhileItHolds() {
            fourthWorseReadingAfterAShiftRaisedWith(SHIFT_SENTENCE)
                    .expectEventsMatching(payloadsSatisfying(events -> assertThat(evidenceUpdates(events))
                            .noneMatch(updated -> updated.type() == SignalType.KPI_SHIFT)));
        }

        /**
         * A shift the former rule (a CUSUM from a fixed baseline of 30) raised stays as recorded; the next reading
         * judges it by the self-starting CUSUM, which still sees it, so only its sentence changes.
         */
        @Test
        void aShiftRaisedByTheFormerRuleTakesTheNewSentenceOnTheNextReading() {
            fourthWorseReadingAfterAShiftRaisedWith("Share of applications online: The deviations from plan have "
                    + "shifted for the worse, beyond what noise explains: a CUSUM measured from the level of 0.00 "
                    + "(σ 0.89) of its baseline of 30 readings passed the decision interval of 5.10.")
                    .expectEventsMatching(payloadsSatisfying(events -> assertThat(evidenceUpdates(events))
                            .singleElement()
                            .satisfies(updated -> {
                                assertThat(updated.type()).isEqualTo(SignalType.KPI_SHIFT);
                                assertThat(updated.explanation()).isEqualTo(SHIFT_SENTENCE);
                            })));
        }

        private ResultValidator<Kpi> fourthWorseReadingAfterAShiftRaisedWith(String explanation) {
            List<Object> given = history(3);
            given.add(new SignalRaised(PROGRAMME_ID, SignalId.of(KPI, SignalType.KPI_SHIFT, 1).toString(),
                    SignalType.KPI_SHIFT, KPI, Severity.WARNING, explanation, Map.of()));
            return fixture.givenCurrentTime(Instant.parse("2024-06-01T00:00:00Z"))
                    .andGiven(given)
                    .when(record("w15", "8.5", week(15)));
        }

        private static BigDecimal evidence(SignalRaised shift, String key, int places) {
            return ((BigDecimal) shift.evidence().get(key)).setScale(places, RoundingMode.HALF_EVEN);
        }

        private static List<SignalEvidenceUpdated> evidenceUpdates(List<Object> events) {
            return events.stream().filter(SignalEvidenceUpdated.class::isInstance).map(SignalEvidenceUpdated.class::cast)
                    .toList();
        }

        private static List<SignalRaised> shifts(List<Object> events) {
            return events.stream().filter(SignalRaised.class::isInstance).map(SignalRaised.class::cast)
                    .filter(raised -> raised.type() == SignalType.KPI_SHIFT).toList();
        }
    }

    @Nested
    class Staleness {

        private final Instant february14 = Instant.parse("2025-02-14T00:00:00Z");
        private final SignalRaised stale = new SignalRaised(PROGRAMME_ID, "digital-permits.kpi.online-share.kpi_stale.1",
                SignalType.KPI_STALE, KPI, Severity.WARNING,
                "Share of applications online has had no new reading for 15.5 days, since 2025-02-14; its cadence P1W "
                        + "allows 10.5 days.",
                Map.of("lastActivityAt", "2025-02-14T00:00:00Z", "daysSince", new BigDecimal("15.5"),
                        "allowedDays", new BigDecimal("10.5"), "cadence", "P1W"));

        private TestExecutor<Kpi> definedOnNewYear() {
            return fixture.givenCurrentTime(Instant.parse("2025-01-01T00:00:00Z"));
        }

        @Test
        void raisesAWarningAfterOneAndAHalfCadencesWithoutAReading() {
            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14))
                    .when(new CheckKpiStaleness(PROGRAMME_ID, KPI_ID, NOW))
                    .expectEventsMatching(events(stale));
        }

        @Test
        void raisesItOnce() {
            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14), stale)
                    .when(new CheckKpiStaleness(PROGRAMME_ID, KPI_ID, NOW.plusSeconds(3600)))
                    .expectNoEvents();
        }

        @Test
        void raisesNothingWhileTheProgrammeIsPaused() {
            programmeIs(ProgrammeStatus.PAUSED);

            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14))
                    .when(new CheckKpiStaleness(PROGRAMME_ID, KPI_ID, NOW))
                    .expectNoEvents();
        }

        @Test
        void raisesNothingAndRefusesNothingWhenTheProgrammeIsClosed() {
            programmeIs(ProgrammeStatus.CLOSED);

            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14))
                    .when(new CheckKpiStaleness(PROGRAMME_ID, KPI_ID, NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownProgramme() {
            directory.remove(PROGRAMME_ID);

            definedOnNewYear().andGiven(DEFINED)
                    .when(new CheckKpiStaleness(PROGRAMME_ID, KPI_ID, NOW))
                    .expectException(NotFoundException.class);
        }

        @Test
        void aNewReadingClearsIt() {
            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14), stale)
                    .when(record("w9", "21", MARCH_1))
                    .expectEvents(recorded("w9", "21", MARCH_1), cleared(stale,
                            "A reading arrived within 1.5 cadences, or the target date has passed."));
        }

        @Test
        void aNewerReadingThatLeavesItStaleCountsFromThatReading() {
            Instant february16 = Instant.parse("2025-02-16T00:00:00Z");

            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14), stale)
                    .andGivenCurrentTime(NOW)
                    .when(record("w8", "19", february16))
                    .expectEventsMatching(events(recorded("w8", "19", february16), new SignalEvidenceUpdated(
                            PROGRAMME_ID, stale.signalId(), SignalType.KPI_STALE, KPI, Severity.WARNING,
                            "Share of applications online has had no new reading for 13.5 days, since 2025-02-16; its "
                                    + "cadence P1W allows 10.5 days.",
                            Map.of("lastActivityAt", "2025-02-16T00:00:00Z", "daysSince", new BigDecimal("13.5"),
                                    "allowedDays", new BigDecimal("10.5"), "cadence", "P1W"))));
        }

        @Test
        void aPausedProgrammesCheckStillClears() {
            programmeIs(ProgrammeStatus.PAUSED);

            definedOnNewYear().andGiven(DEFINED, recorded("w7", "18", february14), stale,
                            recorded("w9", "21", MARCH_1))
                    .when(new CheckKpiStaleness(PROGRAMME_ID, KPI_ID, NOW))
                    .expectEvents(cleared(stale, "A reading arrived within 1.5 cadences, or the target date has passed."));
        }
    }

    @Nested
    class ClearingOnClose {

        @Test
        void clearsEveryOpenSignalEvenInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);
            SignalRaised stale = raised(SignalType.KPI_STALE, 1, Severity.WARNING);

            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER, stale)
                    .when(new ClearKpiSignals(PROGRAMME_ID, KPI_ID, "the programme was closed"))
                    .expectEvents(cleared(OFF_PLAN_AMBER, "Cleared: the programme was closed."),
                            cleared(stale, "Cleared: the programme was closed."));
        }

        @Test
        void changesNothingWithoutOpenSignals() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER, cleared(OFF_PLAN_AMBER, "Back"))
                    .when(new ClearKpiSignals(PROGRAMME_ID, KPI_ID, "the programme was closed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Acknowledging {

        private final SignalId offPlan = SignalId.parse(OFF_PLAN_ID).orElseThrow();

        @Test
        void acknowledgesAnOpenSignal() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(new AcknowledgeKpiSignal(offPlan, "Steering committee", "Intake campaign starts"))
                    .expectEvents(new SignalAcknowledged(PROGRAMME_ID, OFF_PLAN_ID, "Steering committee",
                            "Intake campaign starts"));
        }

        @Test
        void staysAcknowledgedWhenItEscalates() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER,
                            new SignalAcknowledged(PROGRAMME_ID, OFF_PLAN_ID, "Steering committee", "Seen"))
                    .when(new AcknowledgeKpiSignal(offPlan, "Steering committee", "Seen again"))
                    .expectNoEvents();
        }

        @Test
        void refusesAClearedSignal() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER, cleared(OFF_PLAN_AMBER, "Back"))
                    .when(new AcknowledgeKpiSignal(offPlan, "Steering committee", "Too late"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesARaiseThatDidNotHappen() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(new AcknowledgeKpiSignal(SignalId.of(KPI, SignalType.KPI_OFF_PLAN, 2), "Steering", "Seen"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void requiresANote() {
            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(new AcknowledgeKpiSignal(offPlan, "Steering committee", " "))
                    .expectNoEvents()
                    .expectException(violationOf("note"));
        }

        @Test
        void refusesInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);

            fixture.given(DEFINED, recorded("r1", "12", MARCH_1), OFF_PLAN_AMBER)
                    .when(new AcknowledgeKpiSignal(offPlan, "Steering committee", "Seen"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }
}

package nl.koers.tracking.kpi;

import static nl.koers.tracking.RuleViolationMatcher.violationOf;
import static nl.koers.tracking.kpi.KpiTest.DEFINED;
import static nl.koers.tracking.kpi.KpiTest.KPI_ID;
import static nl.koers.tracking.kpi.KpiTest.NOW;
import static nl.koers.tracking.kpi.KpiTest.OBJECTIVE_ID;
import static nl.koers.tracking.kpi.KpiTest.PROGRAMME_ID;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.kpi.RetractReading;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.tracking.InMemoryProgrammeDirectory;

class ReadingRulesTest {

    private static final String READING_ID = "2025-w09";
    private static final Instant MEASURED_AT = Instant.parse("2025-02-28T00:00:00Z");
    private static final Instant RECORDED_AT = Instant.parse("2025-02-28T09:30:00Z");
    private static final BigDecimal VALUE = new BigDecimal("21.5");

    private static final ReadingRecorded RECORDED = new ReadingRecorded(PROGRAMME_ID, KPI_ID, READING_ID, VALUE,
            MEASURED_AT, "intake-dashboard", "week 9");
    private static final ReadingCorrected CORRECTED = new ReadingCorrected(PROGRAMME_ID, KPI_ID, READING_ID,
            new BigDecimal("22.1"), VALUE, "Late batch counted");
    private static final ReadingRetracted RETRACTED = new ReadingRetracted(PROGRAMME_ID, KPI_ID, READING_ID,
            "Measured the wrong channel");

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

    private static RecordReading record(String value, Instant measuredAt) {
        return new RecordReading(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal(value), measuredAt,
                "intake-dashboard", "week 9");
    }

    private static ReadingReceipt receipt(BigDecimal value, Instant recordedAt, boolean duplicate) {
        return new ReadingReceipt(PROGRAMME_ID, KPI_ID, READING_ID, value, MEASURED_AT, recordedAt,
                "intake-dashboard", "week 9", duplicate);
    }

    @Nested
    class Recording {

        @Test
        void recordsANewReadingAndAnswersWithItsReceipt() {
            fixture.given(DEFINED)
                    .andGivenCurrentTime(NOW)
                    .when(record("21.5", MEASURED_AT))
                    .expectEvents(RECORDED)
                    .expectResultMessagePayload(receipt(VALUE, NOW, false));
        }

        @Test
        void recordsNothingForTheSameReadingAgainAndAnswersWithTheFirstReceipt() {
            fixture.givenCurrentTime(RECORDED_AT)
                    .andGiven(DEFINED, RECORDED)
                    .andGivenCurrentTime(NOW)
                    .when(record("21.50", MEASURED_AT))
                    .expectNoEvents()
                    .expectResultMessagePayload(receipt(VALUE, RECORDED_AT, true));
        }

        @Test
        void answersARepeatAfterACorrectionWithTheReadingAsFirstRecorded() {
            fixture.givenCurrentTime(RECORDED_AT)
                    .andGiven(DEFINED, RECORDED, CORRECTED)
                    .andGivenCurrentTime(NOW)
                    .when(record("21.5", MEASURED_AT))
                    .expectNoEvents()
                    .expectResultMessagePayload(receipt(VALUE, RECORDED_AT, true));
        }

        @Test
        void refusesTheSameReadingIdWithAnotherValue() {
            fixture.given(DEFINED, RECORDED)
                    .when(record("21.6", MEASURED_AT))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesTheSameReadingIdWithAnotherMeasuredAt() {
            fixture.given(DEFINED, RECORDED)
                    .when(record("21.5", MEASURED_AT.plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void acceptsAMeasuredAtUpToOneDayAhead() {
            Instant oneDayAhead = NOW.plus(Duration.ofDays(1));

            fixture.given(DEFINED)
                    .when(record("21.5", oneDayAhead))
                    .expectEvents(new ReadingRecorded(PROGRAMME_ID, KPI_ID, READING_ID, VALUE, oneDayAhead,
                            "intake-dashboard", "week 9"));
        }

        @Test
        void refusesAMeasuredAtMoreThanOneDayAhead() {
            fixture.given(DEFINED)
                    .when(record("21.5", NOW.plus(Duration.ofDays(1)).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(violationOf("measuredAt"));
        }

        @Test
        void refusesAMissingMeasuredAt() {
            fixture.given(DEFINED)
                    .when(new RecordReading(PROGRAMME_ID, KPI_ID, READING_ID, VALUE, null, "script", null))
                    .expectNoEvents()
                    .expectException(violationOf("measuredAt"));
        }

        @Test
        void acceptsFifteenDigitsBeforeAndTenAfterTheDecimalPoint() {
            BigDecimal largest = new BigDecimal("999999999999999.0123456789");

            fixture.given(DEFINED)
                    .when(new RecordReading(PROGRAMME_ID, KPI_ID, READING_ID, largest, MEASURED_AT, "script", null))
                    .expectEvents(new ReadingRecorded(PROGRAMME_ID, KPI_ID, READING_ID, largest, MEASURED_AT,
                            "script", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000000000000", "-1000000000000000", "1E+20", "0.00000000001"})
        void refusesAnAbsurdValue(String value) {
            fixture.given(DEFINED)
                    .when(record(value, MEASURED_AT))
                    .expectNoEvents()
                    .expectException(violationOf("value"));
        }

        @Test
        void refusesAMissingValue() {
            fixture.given(DEFINED)
                    .when(new RecordReading(PROGRAMME_ID, KPI_ID, READING_ID, null, MEASURED_AT, "script", null))
                    .expectNoEvents()
                    .expectException(violationOf("value"));
        }

        @Test
        void refusesABlankReadingId() {
            fixture.given(DEFINED)
                    .when(new RecordReading(PROGRAMME_ID, KPI_ID, " ", VALUE, MEASURED_AT, "script", null))
                    .expectNoEvents()
                    .expectException(violationOf("readingId"));
        }

        @Test
        void recordsInAPausedProgramme() {
            programmeIs(ProgrammeStatus.PAUSED);

            fixture.given(DEFINED)
                    .when(record("21.5", MEASURED_AT))
                    .expectEvents(RECORDED);
        }

        @Test
        void refusesAReadingInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);

            fixture.given(DEFINED)
                    .when(record("21.5", MEASURED_AT))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAReadingForAProgrammeTheDirectoryDoesNotKnow() {
            directory.remove(PROGRAMME_ID);

            fixture.given(DEFINED)
                    .when(record("21.5", MEASURED_AT))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }
    }

    @Nested
    class Correcting {

        @Test
        void correctsAReading() {
            fixture.given(DEFINED, RECORDED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal("22.1"),
                            "Late batch counted"))
                    .expectEvents(CORRECTED);
        }

        @Test
        void carriesTheValueItReplaces() {
            fixture.given(DEFINED, RECORDED, CORRECTED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal("22.0"), "Recount"))
                    .expectEvents(new ReadingCorrected(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal("22.0"),
                            new BigDecimal("22.1"), "Recount"));
        }

        @Test
        void refusesAnUnknownReading() {
            fixture.given(DEFINED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, "no-such-reading", VALUE, "Recount"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesToCorrectARetractedReading() {
            fixture.given(DEFINED, RECORDED, RETRACTED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, READING_ID, VALUE, "Recount"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesWithoutReason() {
            fixture.given(DEFINED, RECORDED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal("22.1"), ""))
                    .expectNoEvents()
                    .expectException(violationOf("reason"));
        }

        @Test
        void refusesAnAbsurdValue() {
            fixture.given(DEFINED, RECORDED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal("1E+16"), "Typo"))
                    .expectNoEvents()
                    .expectException(violationOf("value"));
        }

        @Test
        void refusesInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);

            fixture.given(DEFINED, RECORDED)
                    .when(new CorrectReading(PROGRAMME_ID, KPI_ID, READING_ID, new BigDecimal("22.1"), "Recount"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Retracting {

        @Test
        void retractsAReading() {
            fixture.given(DEFINED, RECORDED)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, READING_ID, "Measured the wrong channel"))
                    .expectEvents(RETRACTED);
        }

        @Test
        void retractsACorrectedReading() {
            fixture.given(DEFINED, RECORDED, CORRECTED)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, READING_ID, "Measured the wrong channel"))
                    .expectEvents(RETRACTED);
        }

        @Test
        void refusesToRetractTwice() {
            fixture.given(DEFINED, RECORDED, RETRACTED)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, READING_ID, "Again"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAnUnknownReading() {
            fixture.given(DEFINED)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, "no-such-reading", "Wrong"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesWithoutReason() {
            fixture.given(DEFINED, RECORDED)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, READING_ID, null))
                    .expectNoEvents()
                    .expectException(violationOf("reason"));
        }

        @Test
        void refusesInAClosedProgramme() {
            programmeIs(ProgrammeStatus.CLOSED);

            fixture.given(DEFINED, RECORDED)
                    .when(new RetractReading(PROGRAMME_ID, KPI_ID, READING_ID, "Wrong"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }
}

package nl.koers.tracking.programme;

import static nl.koers.tracking.RuleViolationMatcher.violationOf;
import static nl.koers.tracking.programme.ProgrammeTest.CLOSED;
import static nl.koers.tracking.programme.ProgrammeTest.NOW;
import static nl.koers.tracking.programme.ProgrammeTest.DEFINED;
import static nl.koers.tracking.programme.ProgrammeTest.PAUSED;
import static nl.koers.tracking.programme.ProgrammeTest.PROGRAMME_ID;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.evaluation.RecordEvaluationOutcome;
import nl.koers.api.evaluation.ScheduleEvaluation;

class EvaluationRulesTest {

    private static final String EVALUATION_ID = "q1-review";
    private static final LocalDate SCHEDULED_FOR = LocalDate.of(2025, 3, 31);
    private static final LocalDate HELD_ON = LocalDate.of(2025, 4, 2);
    private static final List<Action> ACTIONS = List.of(
            new Action("Add a second supplier", "Programme office", LocalDate.of(2025, 5, 1)));
    private static final List<String> ADDRESSED = List.of("signal-17");

    private static final EvaluationScheduled SCHEDULED = new EvaluationScheduled(PROGRAMME_ID, EVALUATION_ID,
            "Q1 review", SCHEDULED_FOR);
    private static final EvaluationOutcomeRecorded OUTCOME_RECORDED = new EvaluationOutcomeRecorded(PROGRAMME_ID,
            EVALUATION_ID, HELD_ON, DeliveryConfidence.AMBER, Decision.ADJUST, "Behind on intake", ACTIONS, ADDRESSED);

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RecordEvaluationOutcome outcome(LocalDate heldOn, DeliveryConfidence confidence, Decision decision,
            String summary) {
        return new RecordEvaluationOutcome(PROGRAMME_ID, EVALUATION_ID, heldOn, confidence, decision, summary, ACTIONS,
                ADDRESSED);
    }

    private static RecordEvaluationOutcome completeOutcome() {
        return outcome(HELD_ON, DeliveryConfidence.AMBER, Decision.ADJUST, "Behind on intake");
    }

    @Nested
    class Scheduling {

        @Test
        void schedulesAnEvaluation() {
            fixture.given(DEFINED)
                    .when(new ScheduleEvaluation(PROGRAMME_ID, EVALUATION_ID, "Q1 review", SCHEDULED_FOR))
                    .expectEvents(SCHEDULED);
        }

        @Test
        void schedulesInAPausedProgramme() {
            fixture.given(DEFINED, PAUSED)
                    .when(new ScheduleEvaluation(PROGRAMME_ID, EVALUATION_ID, "Q1 review", SCHEDULED_FOR))
                    .expectEvents(SCHEDULED);
        }

        @Test
        void refusesADuplicateEvaluationId() {
            fixture.given(DEFINED, SCHEDULED)
                    .when(new ScheduleEvaluation(PROGRAMME_ID, EVALUATION_ID, "Q1 review again", SCHEDULED_FOR))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesABlankTitle() {
            fixture.given(DEFINED)
                    .when(new ScheduleEvaluation(PROGRAMME_ID, EVALUATION_ID, " ", SCHEDULED_FOR))
                    .expectNoEvents()
                    .expectException(violationOf("title"));
        }

        @Test
        void refusesAMissingDate() {
            fixture.given(DEFINED)
                    .when(new ScheduleEvaluation(PROGRAMME_ID, EVALUATION_ID, "Q1 review", null))
                    .expectNoEvents()
                    .expectException(violationOf("scheduledFor"));
        }

        @Test
        void refusesToScheduleInAClosedProgramme() {
            fixture.given(DEFINED, CLOSED)
                    .when(new ScheduleEvaluation(PROGRAMME_ID, EVALUATION_ID, "Q1 review", SCHEDULED_FOR))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class RecordingTheOutcome {

        @Test
        void recordsTheOutcome() {
            fixture.given(DEFINED, SCHEDULED)
                    .when(completeOutcome())
                    .expectEvents(OUTCOME_RECORDED);
        }

        @Test
        void recordsTheOutcomeOfOneEvaluationWhenAnotherHasOne() {
            EvaluationScheduled second = new EvaluationScheduled(PROGRAMME_ID, "q2-review", "Q2 review",
                    SCHEDULED_FOR.plusMonths(3));

            // the other evaluation's outcome reaches only that evaluation
            fixture.given(DEFINED, SCHEDULED, second, new EvaluationOutcomeRecorded(PROGRAMME_ID, "q2-review",
                            HELD_ON, DeliveryConfidence.GREEN, Decision.CONTINUE, "On track", List.of(), List.of()))
                    .when(completeOutcome())
                    .expectEvents(OUTCOME_RECORDED);
        }

        @Test
        void refusesASecondOutcome() {
            fixture.given(DEFINED, SCHEDULED, OUTCOME_RECORDED)
                    .when(completeOutcome())
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAnUnknownEvaluation() {
            fixture.given(DEFINED)
                    .when(completeOutcome())
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesAMissingHeldOn() {
            fixture.given(DEFINED, SCHEDULED)
                    .when(outcome(null, DeliveryConfidence.AMBER, Decision.ADJUST, "Behind on intake"))
                    .expectNoEvents()
                    .expectException(violationOf("heldOn"));
        }

        @Test
        void refusesAMissingDeliveryConfidence() {
            fixture.given(DEFINED, SCHEDULED)
                    .when(outcome(HELD_ON, null, Decision.ADJUST, "Behind on intake"))
                    .expectNoEvents()
                    .expectException(violationOf("deliveryConfidence"));
        }

        @Test
        void refusesAMissingDecision() {
            fixture.given(DEFINED, SCHEDULED)
                    .when(outcome(HELD_ON, DeliveryConfidence.AMBER, null, "Behind on intake"))
                    .expectNoEvents()
                    .expectException(violationOf("decision"));
        }

        @Test
        void refusesABlankSummary() {
            fixture.given(DEFINED, SCHEDULED)
                    .when(outcome(HELD_ON, DeliveryConfidence.AMBER, Decision.ADJUST, ""))
                    .expectNoEvents()
                    .expectException(violationOf("summary"));
        }

        @Test
        void refusesAnOutcomeInAClosedProgramme() {
            fixture.given(DEFINED, SCHEDULED, CLOSED)
                    .when(completeOutcome())
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }
}

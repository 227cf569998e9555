package nl.koers.tracking.programme;

import static nl.koers.tracking.EventsMatcher.eventThenEvidenceOf;
import static nl.koers.tracking.EventsMatcher.events;
import static nl.koers.tracking.RuleViolationMatcher.violationOf;
import static nl.koers.tracking.programme.ProgrammeTest.CLOSED;
import static nl.koers.tracking.programme.ProgrammeTest.DEFINED;
import static nl.koers.tracking.programme.ProgrammeTest.PAUSED;
import static nl.koers.tracking.programme.ProgrammeTest.PROGRAMME_ID;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.evaluation.RecordEvaluationOutcome;
import nl.koers.api.kpi.Lever;
import nl.koers.api.milestone.AchieveMilestone;
import nl.koers.api.milestone.CancelMilestone;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.milestone.RebaselineMilestone;
import nl.koers.api.milestone.UpdateMilestoneForecast;
import nl.koers.api.programme.AssessLeverCoverage;
import nl.koers.api.programme.CheckProgrammeDeadlines;
import nl.koers.api.programme.CloseProgramme;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.signal.AcknowledgeProgrammeSignal;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;

/** The signals the programme owns: on its milestones, its evaluations and itself. Start 2025-01-01, now 2025-03-01. */
class ProgrammeSignalsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String MILESTONE_ID = "pilot-live";
    private static final Subject MILESTONE = Subject.milestone(PROGRAMME_ID, MILESTONE_ID);
    private static final LocalDate DUE = LocalDate.of(2025, 6, 30);

    private static final MilestonePlanned PLANNED = new MilestonePlanned(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE);
    private static final MilestoneForecastUpdated FORECAST_JULY = new MilestoneForecastUpdated(PROGRAMME_ID,
            MILESTONE_ID, LocalDate.of(2025, 7, 31), null, "Supplier late");
    private static final SignalRaised SLIPPING = MilestoneRulesTest.SLIPPING_RAISED;
    private static final String SLIPPING_ID = SLIPPING.signalId();

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SignalCleared cleared(SignalRaised raised, String explanation) {
        return new SignalCleared(PROGRAMME_ID, raised.signalId(), raised.type(), raised.subject(), explanation);
    }

    @Nested
    class MilestoneSlipping {

        @Test
        void escalatesToCriticalWhenTheSlipReachesThirtyPercent() {
            // 54 of the 180 planned days is exactly 30 %
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 8, 23), "Worse"))
                    .expectEventsMatching(events(
                            new MilestoneForecastUpdated(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 8, 23),
                                    LocalDate.of(2025, 7, 31), "Worse"),
                            new SignalSeverityChanged(PROGRAMME_ID, SLIPPING_ID, SignalType.MILESTONE_SLIPPING,
                                    MILESTONE, Severity.WARNING, Severity.CRITICAL,
                                    "Milestone 'Pilot live' is forecast for 2025-08-23, 54 days after its due date of "
                                            + "2025-06-30: a slip of 30 % of the 180 days planned for it, 30 % or more.",
                                    Map.of("dueDate", "2025-06-30", "forecastDate", "2025-08-23", "slipDays", 54L,
                                            "plannedDays", 180L, "slipPercent", new BigDecimal("30")))));
        }

        @Test
        void raisesNothingNewWhileTheSlipStaysAWarningButNamesTheNewForecast() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 8, 1), null))
                    .expectEventsMatching(eventThenEvidenceOf(new MilestoneForecastUpdated(PROGRAMME_ID, MILESTONE_ID,
                            LocalDate.of(2025, 8, 1), LocalDate.of(2025, 7, 31), null), SLIPPING.signalId(),
                            "forecast for 2025-08-01", "32 days after its due date of 2025-06-30"));
        }

        @Test
        void clearsWhenTheForecastIsBackOnTheDueDate() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, DUE, "Recovered"))
                    .expectEvents(new MilestoneForecastUpdated(PROGRAMME_ID, MILESTONE_ID, DUE,
                                    LocalDate.of(2025, 7, 31), "Recovered"),
                            cleared(SLIPPING, "Milestone 'Pilot live' is forecast on or before its due date 2025-06-30."));
        }

        @Test
        void clearsWhenARebaselineMovesTheDueDateBeyondTheForecast() {
            LocalDate newDue = LocalDate.of(2025, 8, 31);

            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, newDue, "Scope grew", "Steering"))
                    .expectEvents(new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID, newDue, DUE, "Scope grew",
                                    "Steering"),
                            cleared(SLIPPING, "Milestone 'Pilot live' is forecast on or before its due date 2025-08-31."));
        }

        @Test
        void clearsWhenAchieved() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 7, 20)))
                    .expectEvents(new MilestoneAchieved(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 7, 20)),
                            cleared(SLIPPING, "Milestone 'Pilot live' was achieved on 2025-07-20."));
        }

        @Test
        void aReturningSlipIsANewSignal() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING,
                            new MilestoneForecastUpdated(PROGRAMME_ID, MILESTONE_ID, DUE, LocalDate.of(2025, 7, 31), null),
                            cleared(SLIPPING, "Back on the due date."))
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 7, 31), null))
                    .expectEventsMatching(events(
                            new MilestoneForecastUpdated(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 7, 31), DUE, null),
                            new SignalRaised(PROGRAMME_ID, "digital-permits.milestone.pilot-live.milestone_slipping.2",
                                    SignalType.MILESTONE_SLIPPING, MILESTONE, Severity.WARNING,
                                    SLIPPING.explanation(), SLIPPING.evidence())));
        }
    }

    @Nested
    class MilestoneRebaselinedAgain {

        private final MilestoneRebaselined first = new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID,
                LocalDate.of(2025, 9, 30), DUE, "Scope grew", "Steering");
        private final MilestoneRebaselined second = new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID,
                LocalDate.of(2025, 12, 31), LocalDate.of(2025, 9, 30), "Supplier failed", "Steering");
        private final SignalRaised raised = new SignalRaised(PROGRAMME_ID,
                "digital-permits.milestone.pilot-live.milestone_rebaselined_again.1",
                SignalType.MILESTONE_REBASELINED_AGAIN, MILESTONE, Severity.WARNING, "Twice", Map.of());

        @Test
        void isNotRaisedAgainOnAThirdRebaselineButCountsIt() {
            LocalDate third = LocalDate.of(2026, 3, 31);

            fixture.given(DEFINED, PLANNED, first, second, raised)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, third, "Again", "Steering"))
                    .expectEventsMatching(eventThenEvidenceOf(new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID,
                            third, LocalDate.of(2025, 12, 31), "Again", "Steering"), raised.signalId(),
                            "re-baselined 3 times", "now on 2026-03-31"));
        }

        @Test
        void clearsWhenCancelled() {
            fixture.given(DEFINED, PLANNED, first, second, raised)
                    .when(new CancelMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot dropped"))
                    .expectEvents(new MilestoneCancelled(PROGRAMME_ID, MILESTONE_ID, "Pilot dropped"),
                            cleared(raised, "Milestone 'Pilot live' was cancelled."));
        }
    }

    @Nested
    class Deadlines {

        private final MilestonePlanned duePassed = new MilestonePlanned(PROGRAMME_ID, "intake-form", "Intake form",
                LocalDate.of(2025, 2, 15));
        private final Subject intakeForm = Subject.milestone(PROGRAMME_ID, "intake-form");
        private final SignalRaised overdue = new SignalRaised(PROGRAMME_ID,
                "digital-permits.milestone.intake-form.milestone_overdue.1", SignalType.MILESTONE_OVERDUE, intakeForm,
                Severity.CRITICAL, "Milestone 'Intake form' was due on 2025-02-15 and is 14 days overdue: neither "
                        + "achieved nor cancelled.",
                Map.of("dueDate", "2025-02-15", "daysOverdue", 14L));
        private final EvaluationScheduled scheduled = new EvaluationScheduled(PROGRAMME_ID, "kick-off-review",
                "Kick-off review", LocalDate.of(2025, 2, 21));
        private final Subject kickOffReview = Subject.evaluation(PROGRAMME_ID, "kick-off-review");

        @Test
        void raisesMilestoneOverdueWhenTheDueDateHasPassed() {
            fixture.given(DEFINED, duePassed)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, NOW))
                    .expectEventsMatching(events(overdue));
        }

        @Test
        void raisesItOnce() {
            fixture.given(DEFINED, duePassed, overdue)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, NOW.plusSeconds(86_400)))
                    .expectNoEvents();
        }

        @Test
        void raisesNoTimeDrivenSignalWhilePaused() {
            fixture.given(DEFINED, duePassed, scheduled, PAUSED)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, Instant.parse("2025-06-01T00:00:00Z")))
                    .expectNoEvents();
        }

        @Test
        void isANoOpOnAClosedProgramme() {
            fixture.given(DEFINED, duePassed, CLOSED)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void clearsWhenARebaselineMovesTheDueDateAhead() {
            LocalDate newDue = LocalDate.of(2025, 3, 31);

            fixture.given(DEFINED, duePassed, overdue)
                    .when(new RebaselineMilestone(PROGRAMME_ID, "intake-form", newDue, "Supplier late", "Steering"))
                    .expectEvents(new MilestoneRebaselined(PROGRAMME_ID, "intake-form", newDue,
                                    LocalDate.of(2025, 2, 15), "Supplier late", "Steering"),
                            cleared(overdue, "Milestone 'Intake form' was re-baselined to 2025-03-31, which has not passed."));
        }

        @Test
        void staysWhenARebaselinedDueDateHasPassedToo() {
            LocalDate newDue = LocalDate.of(2025, 2, 28);

            fixture.given(DEFINED, duePassed, overdue)
                    .when(new RebaselineMilestone(PROGRAMME_ID, "intake-form", newDue, "Supplier late", "Steering"))
                    .expectEventsMatching(eventThenEvidenceOf(new MilestoneRebaselined(PROGRAMME_ID, "intake-form",
                            newDue, LocalDate.of(2025, 2, 15), "Supplier late", "Steering"), overdue.signalId(),
                            "was due on 2025-02-28"));
        }

        @Test
        void clearsWhenAchieved() {
            fixture.given(DEFINED, duePassed, overdue)
                    .when(new AchieveMilestone(PROGRAMME_ID, "intake-form", LocalDate.of(2025, 3, 1)))
                    .expectEvents(new MilestoneAchieved(PROGRAMME_ID, "intake-form", LocalDate.of(2025, 3, 1)),
                            cleared(overdue, "Milestone 'Intake form' was achieved on 2025-03-01."));
        }

        @Test
        void clearsWhilePausedWhenTheConditionStops() {
            MilestoneRebaselined rebaselined = new MilestoneRebaselined(PROGRAMME_ID, "intake-form",
                    LocalDate.of(2025, 3, 31), LocalDate.of(2025, 2, 15), "Later", "Steering");

            // the overdue signal stayed open through a re-baseline recorded before its clearing existed
            fixture.given(DEFINED, duePassed, overdue, rebaselined, PAUSED)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, NOW))
                    .expectEvents(cleared(overdue, "Milestone 'Intake form' is no longer overdue."));
        }

        @Test
        void raisesEvaluationOverdueMoreThanSevenDaysAfterItsDate() {
            // 2025-02-21 + 8 days = 2025-03-01
            fixture.given(DEFINED, scheduled)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, NOW))
                    .expectEventsMatching(events(new SignalRaised(PROGRAMME_ID,
                            "digital-permits.evaluation.kick-off-review.evaluation_overdue.1",
                            SignalType.EVALUATION_OVERDUE, kickOffReview, Severity.WARNING,
                            "Evaluation 'Kick-off review' was scheduled for 2025-02-21 and has no outcome 8 days later, "
                                    + "more than the 7 days allowed.",
                            Map.of("scheduledFor", "2025-02-21", "daysOverdue", 8L, "graceDays", 7))));
        }

        @Test
        void waitsSevenDaysForTheOutcome() {
            fixture.given(DEFINED, scheduled)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, Instant.parse("2025-02-28T23:59:59Z")))
                    .expectNoEvents();
        }

        @Test
        void recordingTheOutcomeClearsIt() {
            SignalRaised raised = new SignalRaised(PROGRAMME_ID,
                    "digital-permits.evaluation.kick-off-review.evaluation_overdue.1", SignalType.EVALUATION_OVERDUE,
                    kickOffReview, Severity.WARNING, "Overdue", Map.of());

            fixture.given(DEFINED, scheduled, raised)
                    .when(new RecordEvaluationOutcome(PROGRAMME_ID, "kick-off-review", LocalDate.of(2025, 3, 1),
                            DeliveryConfidence.AMBER, Decision.CONTINUE, "Late but fine", List.of(), List.of()))
                    .expectEvents(new EvaluationOutcomeRecorded(PROGRAMME_ID, "kick-off-review", LocalDate.of(2025, 3, 1),
                                    DeliveryConfidence.AMBER, Decision.CONTINUE, "Late but fine", List.of(), List.of()),
                            cleared(raised, "Evaluation 'Kick-off review' was held on 2025-03-01."));
        }
    }

    @Nested
    class ProgrammeEvaluationRhythm {

        private final Subject programme = Subject.programme(PROGRAMME_ID);
        private final SignalRaised raised = new SignalRaised(PROGRAMME_ID,
                "digital-permits.programme.digital-permits.evaluation_overdue.1", SignalType.EVALUATION_OVERDUE,
                programme, Severity.WARNING, "No evaluation outcome has been held for 91 days, since 2025-01-01; at "
                        + "most 90 days should pass without one.",
                Map.of("since", "2025-01-01", "daysWithout", 91L, "allowedDays", 90));

        @Test
        void allowsNinetyDaysFromTheStart() {
            fixture.given(DEFINED)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, Instant.parse("2025-04-01T23:00:00Z")))
                    .expectNoEvents();
        }

        @Test
        void raisesAfterNinetyDaysWithoutAnOutcome() {
            fixture.given(DEFINED)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, Instant.parse("2025-04-02T00:00:00Z")))
                    .expectEventsMatching(events(raised));
        }

        @Test
        void anOutcomeHeldWithinNinetyDaysClearsIt() {
            EvaluationScheduled scheduled = new EvaluationScheduled(PROGRAMME_ID, "q1-review", "Q1 review",
                    LocalDate.of(2025, 2, 27));
            fixture.given(DEFINED, scheduled, raised)
                    .when(new RecordEvaluationOutcome(PROGRAMME_ID, "q1-review", LocalDate.of(2025, 2, 28),
                            DeliveryConfidence.GREEN, Decision.CONTINUE, "On course", List.of(), List.of()))
                    .expectEvents(new EvaluationOutcomeRecorded(PROGRAMME_ID, "q1-review", LocalDate.of(2025, 2, 28),
                                    DeliveryConfidence.GREEN, Decision.CONTINUE, "On course", List.of(), List.of()),
                            cleared(raised, "An evaluation outcome was held on 2025-02-28."));
        }

        @Test
        void anOutcomeHeldLongAgoLeavesItOpenCountingFromItsHeldOn() {
            EvaluationScheduled scheduled = new EvaluationScheduled(PROGRAMME_ID, "q1-review", "Q1 review",
                    LocalDate.of(2025, 2, 27));
            EvaluationOutcomeRecorded outcome = new EvaluationOutcomeRecorded(PROGRAMME_ID, "q1-review",
                    LocalDate.of(2025, 2, 28), DeliveryConfidence.AMBER, Decision.ADJUST, "Late", List.of(), List.of());

            new AggregateTestFixture<>(Programme.class)
                    .registerInjectableResource(Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC))
                    .given(DEFINED, scheduled, raised)
                    .when(new RecordEvaluationOutcome(PROGRAMME_ID, "q1-review", LocalDate.of(2025, 2, 28),
                            DeliveryConfidence.AMBER, Decision.ADJUST, "Late", List.of(), List.of()))
                    .expectEventsMatching(events(outcome, new SignalEvidenceUpdated(PROGRAMME_ID, raised.signalId(),
                            SignalType.EVALUATION_OVERDUE, programme, Severity.WARNING,
                            "No evaluation outcome has been held for 123 days, since 2025-02-28; at most 90 days should "
                                    + "pass without one.",
                            Map.of("since", "2025-02-28", "daysWithout", 123L, "allowedDays", 90))));
        }

        @Test
        void timePassingAloneLeavesItsSentenceAsItWas() {
            fixture.given(DEFINED, raised)
                    .when(new CheckProgrammeDeadlines(PROGRAMME_ID, Instant.parse("2025-05-01T00:00:00Z")))
                    .expectNoEvents();
        }
    }

    @Nested
    class LeverCoverage {

        private final Subject programme = Subject.programme(PROGRAMME_ID);
        private final Set<Lever> fourLevers = EnumSet.of(Lever.PROCESS, Lever.USERS, Lever.NAVIGATION, Lever.LEADERSHIP);
        private final SignalRaised raised = new SignalRaised(PROGRAMME_ID,
                "digital-permits.programme.digital-permits.lever_unmeasured.1", SignalType.LEVER_UNMEASURED, programme,
                Severity.INFO, "2 of the 6 levers have no KPI: STORY, SUPPORT.",
                Map.of("unmeasuredLevers", List.of("STORY", "SUPPORT")));

        @Test
        void raisesAnInfoListingTheUnmeasuredLevers() {
            fixture.given(DEFINED)
                    .when(new AssessLeverCoverage(PROGRAMME_ID, fourLevers))
                    .expectEvents(raised);
        }

        @Test
        void theSameCoverageChangesNothing() {
            fixture.given(DEFINED, raised)
                    .when(new AssessLeverCoverage(PROGRAMME_ID, fourLevers))
                    .expectNoEvents();
        }

        @Test
        void listsOnlyTheLeversStillUnmeasured() {
            Set<Lever> fiveLevers = EnumSet.complementOf(EnumSet.of(Lever.SUPPORT));

            fixture.given(DEFINED, raised)
                    .when(new AssessLeverCoverage(PROGRAMME_ID, fiveLevers))
                    .expectEventsMatching(events(new SignalEvidenceUpdated(PROGRAMME_ID, raised.signalId(),
                            SignalType.LEVER_UNMEASURED, programme, Severity.INFO,
                            "1 of the 6 levers have no KPI: SUPPORT.", Map.of("unmeasuredLevers", List.of("SUPPORT")))));
        }

        @Test
        void clearsWhenEveryLeverIsMeasured() {
            fixture.given(DEFINED, raised)
                    .when(new AssessLeverCoverage(PROGRAMME_ID, EnumSet.allOf(Lever.class)))
                    .expectEvents(cleared(raised, "Every one of the six levers has a KPI now."));
        }

        @Test
        void aReturningGapIsANewSignal() {
            fixture.given(DEFINED, raised, cleared(raised, "Covered"))
                    .when(new AssessLeverCoverage(PROGRAMME_ID, fourLevers))
                    .expectEvents(new SignalRaised(PROGRAMME_ID,
                            "digital-permits.programme.digital-permits.lever_unmeasured.2", SignalType.LEVER_UNMEASURED,
                            programme, Severity.INFO, raised.explanation(), raised.evidence()));
        }

        @Test
        void isANoOpOnAClosedProgramme() {
            fixture.given(DEFINED, CLOSED)
                    .when(new AssessLeverCoverage(PROGRAMME_ID, Set.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void clearsEveryOpenSignal() {
            SignalRaised levers = new SignalRaised(PROGRAMME_ID,
                    "digital-permits.programme.digital-permits.lever_unmeasured.1", SignalType.LEVER_UNMEASURED,
                    Subject.programme(PROGRAMME_ID), Severity.INFO, "Levers", Map.of());

            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING, levers)
                    .when(new CloseProgramme(PROGRAMME_ID, "Done"))
                    .expectEvents(new ProgrammeClosed(PROGRAMME_ID, "Done"),
                            cleared(SLIPPING, "The programme was closed."),
                            cleared(levers, "The programme was closed."));
        }
    }

    @Nested
    class Acknowledging {

        private final SignalId slipping = SignalId.parse(SLIPPING_ID).orElseThrow();

        private AcknowledgeProgrammeSignal acknowledge(SignalId signalId, String by, String note) {
            return new AcknowledgeProgrammeSignal(signalId, by, note);
        }

        @Test
        void acknowledgesAnOpenSignal() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(acknowledge(slipping, "Steering committee", "Supplier replaced"))
                    .expectEvents(new SignalAcknowledged(PROGRAMME_ID, SLIPPING_ID, "Steering committee",
                            "Supplier replaced"));
        }

        @Test
        void acknowledgingTwiceChangesNothing() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING,
                            new SignalAcknowledged(PROGRAMME_ID, SLIPPING_ID, "Steering committee", "Seen"))
                    .when(acknowledge(slipping, "Steering committee", "Seen again"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAClearedSignal() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING, cleared(SLIPPING, "Recovered"))
                    .when(acknowledge(slipping, "Steering committee", "Too late"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAnEarlierRaise() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING, cleared(SLIPPING, "Recovered"),
                            new SignalRaised(PROGRAMME_ID, "digital-permits.milestone.pilot-live.milestone_slipping.2",
                                    SignalType.MILESTONE_SLIPPING, MILESTONE, Severity.WARNING, "Again", Map.of()))
                    .when(acknowledge(slipping, "Steering committee", "Old one"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesASignalThatWasNeverRaised() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(acknowledge(SignalId.of(MILESTONE, SignalType.MILESTONE_SLIPPING, 2), "Steering", "Future"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesASignalOfAnotherSubject() {
            fixture.given(DEFINED, PLANNED)
                    .when(acknowledge(SignalId.of(MILESTONE, SignalType.MILESTONE_OVERDUE, 1), "Steering", "Unknown"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void requiresWhoAcknowledges() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(acknowledge(slipping, " ", "Seen"))
                    .expectNoEvents()
                    .expectException(violationOf("by"));
        }

        @Test
        void requiresANote() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING)
                    .when(acknowledge(slipping, "Steering committee", null))
                    .expectNoEvents()
                    .expectException(violationOf("note"));
        }

        @Test
        void refusesInAClosedProgramme() {
            fixture.given(DEFINED, PLANNED, FORECAST_JULY, SLIPPING, CLOSED, cleared(SLIPPING, "Closed"))
                    .when(acknowledge(slipping, "Steering committee", "Seen"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }
}

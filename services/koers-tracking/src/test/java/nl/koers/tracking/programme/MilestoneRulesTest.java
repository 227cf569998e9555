package nl.koers.tracking.programme;

import static nl.koers.tracking.EventsMatcher.eventThenEvidenceOf;
import static nl.koers.tracking.EventsMatcher.events;
import static nl.koers.tracking.EventsMatcher.payloadsSatisfying;
import static org.assertj.core.api.Assertions.assertThat;
import static nl.koers.tracking.RuleViolationMatcher.violationOf;
import static nl.koers.tracking.programme.ProgrammeTest.CLOSED;
import static nl.koers.tracking.programme.ProgrammeTest.NOW;
import static nl.koers.tracking.programme.ProgrammeTest.DEFINED;
import static nl.koers.tracking.programme.ProgrammeTest.PAUSED;
import static nl.koers.tracking.programme.ProgrammeTest.PROGRAMME_ID;
import static nl.koers.tracking.programme.ProgrammeTest.START;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.milestone.AchieveMilestone;
import nl.koers.api.milestone.CancelMilestone;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.milestone.RebaselineMilestone;
import nl.koers.api.milestone.UpdateMilestoneForecast;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;

class MilestoneRulesTest {

    static final String MILESTONE_ID = "pilot-live";
    static final LocalDate DUE = LocalDate.of(2025, 6, 30);
    private static final LocalDate FORECAST = LocalDate.of(2025, 7, 31);

    static final MilestonePlanned PLANNED = new MilestonePlanned(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE);
    static final MilestoneForecastUpdated FORECAST_UPDATED = new MilestoneForecastUpdated(PROGRAMME_ID,
            MILESTONE_ID, FORECAST, null, "Supplier late");
    static final SignalRaised SLIPPING_RAISED = new SignalRaised(PROGRAMME_ID,
            "digital-permits.milestone.pilot-live.milestone_slipping.1", SignalType.MILESTONE_SLIPPING,
            Subject.milestone(PROGRAMME_ID, MILESTONE_ID), Severity.WARNING,
            "Milestone 'Pilot live' is forecast for 2025-07-31, 31 days after its due date of 2025-06-30: a slip of "
                    + "17.22 % of the 180 days planned for it, under 30 %.",
            Map.of("dueDate", "2025-06-30", "forecastDate", "2025-07-31", "slipDays", 31L, "plannedDays", 180L,
                    "slipPercent", new BigDecimal("17.22222222222222")));
    private static final MilestoneAchieved ACHIEVED = new MilestoneAchieved(PROGRAMME_ID, MILESTONE_ID,
            LocalDate.of(2025, 6, 28));
    private static final MilestoneCancelled CANCELLED = new MilestoneCancelled(PROGRAMME_ID, MILESTONE_ID,
            "Pilot dropped");

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Nested
    class Planning {

        @Test
        void plansAMilestone() {
            fixture.given(DEFINED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE))
                    .expectEvents(PLANNED);
        }

        @Test
        void plansAMilestoneWithItsOwnStart() {
            LocalDate ownStart = LocalDate.of(2025, 6, 1);
            fixture.given(DEFINED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE, ownStart))
                    .expectEvents(new MilestonePlanned(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE, ownStart));
        }

        @Test
        void refusesAStartBeforeTheProgrammes() {
            fixture.given(DEFINED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE, START.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violationOf("startDate"));
        }

        @Test
        void refusesAStartOnTheDueDate() {
            fixture.given(DEFINED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE, DUE))
                    .expectNoEvents()
                    .expectException(violationOf("startDate"));
        }

        @Test
        void plansInAPausedProgramme() {
            fixture.given(DEFINED, PAUSED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE))
                    .expectEvents(PLANNED);
        }

        @Test
        void refusesADuplicateMilestoneId() {
            fixture.given(DEFINED, PLANNED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live again", DUE))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesADueDateOnTheProgrammeStart() {
            fixture.given(DEFINED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", START))
                    .expectNoEvents()
                    .expectException(violationOf("dueDate"));
        }

        @Test
        void refusesABlankTitle() {
            fixture.given(DEFINED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "", DUE))
                    .expectNoEvents()
                    .expectException(violationOf("title"));
        }

        @Test
        void refusesToPlanInAClosedProgramme() {
            fixture.given(DEFINED, CLOSED)
                    .when(new PlanMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Forecasting {

        @Test
        void updatesTheForecast() {
            fixture.given(DEFINED, PLANNED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, FORECAST, "Supplier late"))
                    .expectEventsMatching(events(FORECAST_UPDATED, SLIPPING_RAISED));
        }

        @Test
        void measuresTheSlipFromTheMilestonesOwnStart() {
            // given a milestone started 29 days before its due date: 31 days late is CRITICAL (106.9 %), where it
            // would be a WARNING (17.2 %) against the programme's 180 days
            fixture.given(DEFINED, new MilestonePlanned(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE,
                            LocalDate.of(2025, 6, 1)))
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, FORECAST, "Supplier late"))
                    .expectEventsMatching(payloadsSatisfying(payloads -> {
                        assertThat(payloads).hasSize(2);
                        assertThat(payloads.get(1)).isInstanceOfSatisfying(SignalRaised.class, raised -> {
                            assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
                            assertThat(raised.evidence()).containsEntry("plannedDays", 29L);
                        });
                    }));
        }

        @Test
        void refusesARebaselineOnOrBeforeTheMilestonesOwnStart() {
            fixture.given(DEFINED, new MilestonePlanned(PROGRAMME_ID, MILESTONE_ID, "Pilot live", DUE,
                            LocalDate.of(2025, 6, 1)))
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 6, 1), "Earlier",
                            "Steering"))
                    .expectNoEvents()
                    .expectException(violationOf("dueDate"));
        }

        @Test
        void carriesThePreviousForecast() {
            LocalDate later = LocalDate.of(2025, 7, 15);

            fixture.given(DEFINED, PLANNED, FORECAST_UPDATED, SLIPPING_RAISED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, later, "Testing took longer"))
                    .expectEventsMatching(eventThenEvidenceOf(new MilestoneForecastUpdated(PROGRAMME_ID, MILESTONE_ID,
                            later, FORECAST, "Testing took longer"), SLIPPING_RAISED.signalId(), "forecast for " + later));
        }

        @Test
        void acceptsAForecastWhilePaused() {
            fixture.given(DEFINED, PLANNED, PAUSED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, FORECAST, "Supplier late"))
                    .expectEventsMatching(events(FORECAST_UPDATED, SLIPPING_RAISED));
        }

        @Test
        void refusesAnUnknownMilestone() {
            fixture.given(DEFINED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, "no-such-milestone", FORECAST, null))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesAMissingForecastDate() {
            fixture.given(DEFINED, PLANNED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, null, null))
                    .expectNoEvents()
                    .expectException(violationOf("forecastDate"));
        }

        @Test
        void refusesToForecastAnAchievedMilestone() {
            fixture.given(DEFINED, PLANNED, ACHIEVED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, FORECAST, null))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesToForecastACancelledMilestone() {
            fixture.given(DEFINED, PLANNED, CANCELLED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, FORECAST, null))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesToForecastInAClosedProgramme() {
            fixture.given(DEFINED, PLANNED, CLOSED)
                    .when(new UpdateMilestoneForecast(PROGRAMME_ID, MILESTONE_ID, FORECAST, null))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Rebaselining {

        private static final LocalDate NEW_DUE = LocalDate.of(2025, 9, 30);

        @Test
        void rebaselinesWithReasonAndApprover() {
            fixture.given(DEFINED, PLANNED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, "Scope grew", "Steering 12 May"))
                    .expectEvents(new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, DUE, "Scope grew",
                            "Steering 12 May"));
        }

        @Test
        void carriesTheDueDateItReplaces() {
            LocalDate third = LocalDate.of(2025, 12, 31);

            fixture.given(DEFINED, PLANNED, new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, DUE,
                            "Scope grew", "Steering 12 May"))
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, third, "Supplier failed", "Steering"))
                    .expectEvents(new MilestoneRebaselined(PROGRAMME_ID, MILESTONE_ID, third, NEW_DUE,
                            "Supplier failed", "Steering"),
                            new SignalRaised(PROGRAMME_ID,
                                    "digital-permits.milestone.pilot-live.milestone_rebaselined_again.1",
                                    SignalType.MILESTONE_REBASELINED_AGAIN, Subject.milestone(PROGRAMME_ID, MILESTONE_ID),
                                    Severity.WARNING, "Milestone 'Pilot live' has been re-baselined 2 times: first due "
                                            + "on 2025-06-30, now on 2025-12-31.",
                                    Map.of("rebaselines", 2, "originalDueDate", "2025-06-30",
                                            "dueDate", "2025-12-31")));
        }

        @Test
        void refusesADueDateOnTheProgrammeStart() {
            fixture.given(DEFINED, PLANNED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, START, "Earlier", "Steering"))
                    .expectNoEvents()
                    .expectException(violationOf("dueDate"));
        }

        @Test
        void refusesWithoutReason() {
            fixture.given(DEFINED, PLANNED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, " ", "Steering"))
                    .expectNoEvents()
                    .expectException(violationOf("reason"));
        }

        @Test
        void refusesWithoutApprover() {
            fixture.given(DEFINED, PLANNED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, "Scope grew", null))
                    .expectNoEvents()
                    .expectException(violationOf("approvedBy"));
        }

        @Test
        void refusesAnUnknownMilestone() {
            fixture.given(DEFINED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, "no-such-milestone", NEW_DUE, "Scope", "Steering"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesToRebaselineAnAchievedMilestone() {
            fixture.given(DEFINED, PLANNED, ACHIEVED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, "Scope grew", "Steering"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesToRebaselineACancelledMilestone() {
            fixture.given(DEFINED, PLANNED, CANCELLED)
                    .when(new RebaselineMilestone(PROGRAMME_ID, MILESTONE_ID, NEW_DUE, "Scope grew", "Steering"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Achieving {

        @Test
        void achievesAnOpenMilestone() {
            fixture.given(DEFINED, PLANNED, FORECAST_UPDATED)
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 6, 28)))
                    .expectEvents(ACHIEVED);
        }

        @Test
        void refusesAMissingAchievedDate() {
            fixture.given(DEFINED, PLANNED)
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, null))
                    .expectNoEvents()
                    .expectException(violationOf("achievedOn"));
        }

        @Test
        void achievesOneMilestoneWhileAnotherIsAlreadyAchieved() {
            MilestonePlanned second = new MilestonePlanned(PROGRAMME_ID, "go-live", "Go live", DUE.plusMonths(3));

            // the other milestone's events reach only that milestone
            fixture.given(DEFINED, PLANNED, second, new MilestoneAchieved(PROGRAMME_ID, "go-live", DUE))
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 6, 28)))
                    .expectEvents(ACHIEVED);
        }

        @Test
        void refusesToAchieveACancelledMilestone() {
            fixture.given(DEFINED, PLANNED, CANCELLED)
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 6, 28)))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesToAchieveTwice() {
            fixture.given(DEFINED, PLANNED, ACHIEVED)
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 7, 1)))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAnUnknownMilestone() {
            fixture.given(DEFINED)
                    .when(new AchieveMilestone(PROGRAMME_ID, "no-such-milestone", LocalDate.of(2025, 6, 28)))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }

        @Test
        void refusesToAchieveInAClosedProgramme() {
            fixture.given(DEFINED, PLANNED, CLOSED)
                    .when(new AchieveMilestone(PROGRAMME_ID, MILESTONE_ID, LocalDate.of(2025, 6, 28)))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelsAnOpenMilestone() {
            fixture.given(DEFINED, PLANNED)
                    .when(new CancelMilestone(PROGRAMME_ID, MILESTONE_ID, "Pilot dropped"))
                    .expectEvents(CANCELLED);
        }

        @Test
        void refusesWithoutReason() {
            fixture.given(DEFINED, PLANNED)
                    .when(new CancelMilestone(PROGRAMME_ID, MILESTONE_ID, null))
                    .expectNoEvents()
                    .expectException(violationOf("reason"));
        }

        @Test
        void refusesToCancelAnAchievedMilestone() {
            fixture.given(DEFINED, PLANNED, ACHIEVED)
                    .when(new CancelMilestone(PROGRAMME_ID, MILESTONE_ID, "Too late"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesToCancelTwice() {
            fixture.given(DEFINED, PLANNED, CANCELLED)
                    .when(new CancelMilestone(PROGRAMME_ID, MILESTONE_ID, "Again"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesAnUnknownMilestone() {
            fixture.given(DEFINED)
                    .when(new CancelMilestone(PROGRAMME_ID, "no-such-milestone", "Dropped"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }
    }
}

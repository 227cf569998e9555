package nl.koers.tracking.programme;

import static nl.koers.tracking.RuleViolationMatcher.violationOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.koers.api.ConflictException;
import nl.koers.api.programme.CloseProgramme;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.PauseProgramme;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ResumeProgramme;

class ProgrammeTest {

    static final String PROGRAMME_ID = "digital-permits";
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate PLANNED_END = LocalDate.of(2026, 12, 31);
    static final List<Objective> OBJECTIVES = List.of(
            new Objective("faster-permits", "Permits are granted within 4 weeks"),
            new Objective("online-first", "80% of applications arrive online"));

    static final ProgrammeDefined DEFINED = new ProgrammeDefined(PROGRAMME_ID, "Digital permits",
            "Permits online, end to end", "Programme office", START, PLANNED_END, OBJECTIVES);
    static final ProgrammePaused PAUSED = new ProgrammePaused(PROGRAMME_ID, "Budget review");
    static final ProgrammeClosed CLOSED = new ProgrammeClosed(PROGRAMME_ID, "Done");

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DefineProgramme define(LocalDate plannedEnd, List<Objective> objectives) {
        return new DefineProgramme(PROGRAMME_ID, "Digital permits", "Permits online, end to end",
                "Programme office", START, plannedEnd, objectives);
    }

    @Test
    void definesAProgramme() {
        fixture.givenNoPriorActivity()
                .when(define(PLANNED_END, OBJECTIVES))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DEFINED);
    }

    @Test
    void refusesAnIdThatIsAlreadyDefined() {
        fixture.given(DEFINED)
                .when(define(PLANNED_END, OBJECTIVES))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void refusesAPlannedEndOnTheStartDate() {
        fixture.givenNoPriorActivity()
                .when(define(START, OBJECTIVES))
                .expectNoEvents()
                .expectException(violationOf("plannedEndDate"));
    }

    @Test
    void refusesAPlannedEndBeforeTheStartDate() {
        fixture.givenNoPriorActivity()
                .when(define(START.minusDays(1), OBJECTIVES))
                .expectNoEvents()
                .expectException(violationOf("plannedEndDate"));
    }

    @Test
    void refusesTheSameObjectiveIdTwice() {
        List<Objective> twice = List.of(new Objective("faster-permits", "Within 4 weeks"),
                new Objective("faster-permits", "Within 3 weeks"));

        fixture.givenNoPriorActivity()
                .when(define(PLANNED_END, twice))
                .expectNoEvents()
                .expectException(violationOf("objectives"));
    }

    @Test
    void refusesAnObjectiveWithoutStatement() {
        fixture.givenNoPriorActivity()
                .when(define(PLANNED_END, List.of(new Objective("faster-permits", " "))))
                .expectNoEvents()
                .expectException(violationOf("objectives"));
    }

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
                .when(new DefineProgramme(PROGRAMME_ID, " ", null, "Programme office", START, PLANNED_END, null))
                .expectNoEvents()
                .expectException(violationOf("name"));
    }

    @Test
    void pausesAnActiveProgramme() {
        fixture.given(DEFINED)
                .when(new PauseProgramme(PROGRAMME_ID, "Budget review"))
                .expectEvents(PAUSED);
    }

    @Test
    void refusesToPauseAPausedProgramme() {
        fixture.given(DEFINED, PAUSED)
                .when(new PauseProgramme(PROGRAMME_ID, "Again"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void resumesAPausedProgramme() {
        fixture.given(DEFINED, PAUSED)
                .when(new ResumeProgramme(PROGRAMME_ID, "Budget approved"))
                .expectEvents(new ProgrammeResumed(PROGRAMME_ID, "Budget approved"));
    }

    @Test
    void refusesToResumeAnActiveProgramme() {
        fixture.given(DEFINED)
                .when(new ResumeProgramme(PROGRAMME_ID, "Nothing to resume"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void closesAnActiveProgramme() {
        fixture.given(DEFINED)
                .when(new CloseProgramme(PROGRAMME_ID, "Done"))
                .expectEvents(CLOSED);
    }

    @Test
    void closesAPausedProgramme() {
        fixture.given(DEFINED, PAUSED)
                .when(new CloseProgramme(PROGRAMME_ID, "Done"))
                .expectEvents(CLOSED);
    }

    @Test
    void refusesToCloseAClosedProgramme() {
        fixture.given(DEFINED, CLOSED)
                .when(new CloseProgramme(PROGRAMME_ID, "Again"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void refusesToPauseAClosedProgramme() {
        fixture.given(DEFINED, CLOSED)
                .when(new PauseProgramme(PROGRAMME_ID, "Too late"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void refusesToResumeAClosedProgramme() {
        fixture.given(DEFINED, CLOSED)
                .when(new ResumeProgramme(PROGRAMME_ID, "Too late"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }
}

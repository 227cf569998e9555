package nl.koers.app.history;

import java.time.Clock;
import java.time.ZoneOffset;

import nl.koers.app.KoersIntegrationTest;
import nl.koers.app.MovableClock;
import nl.koers.app.MovableClockConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** A test of the whole application whose events are recorded at moments it chooses, through {@link #api}. */
@KoersIntegrationTest
@Import(MovableClockConfiguration.class)
public abstract class TimedApiTest {

    @Autowired
    protected MockMvc http;
    @Autowired
    protected MovableClock clock;
    protected TimedApi api;

    @BeforeEach
    void stampEventsWithTheTestClock() {
        api = TimedApi.stampingEventsWith(http, clock);
    }

    @AfterAll
    static void eventsAreStampedByTheRealClockAgain() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }
}

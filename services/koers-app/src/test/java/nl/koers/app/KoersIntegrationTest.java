package nl.koers.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real PostgreSQL database of its own, driven over HTTP through MockMvc. Test classes
 * with the same annotation share one application context. KPIs are snapshotted every 3 events, so every test
 * also loads KPIs from snapshots; the time-driven sweep runs only when a test calls it, so nothing is stored
 * behind a test's back. Requests are sent as the admin ({@link TestCredentials}) unless they say otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = KoersApplication.class,
        properties = {"koers.kpi.snapshot-every=3", "koers.signals.sweep-initial-delay=PT1H"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OwnDatabaseInitializer.class)
@Import(TestCredentials.class)
public @interface KoersIntegrationTest {
}

package nl.koers.kafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nl.koers.app.KoersIntegrationTest;
import nl.koers.app.MovableClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with Kafka on, against a real (embedded KRaft) broker and a real PostgreSQL, with a clock
 * the test moves. Each test class gets its own context and broker, closed after the class: left to the JVM's
 * shutdown hooks, the broker's folder is deleted while it still runs and the test JVM does not exit in time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KoersIntegrationTest
@EmbeddedKafka(kraft = true)
@TestPropertySource(properties = {
        "koers.kafka.enabled=true",
        "koers.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "koers.kafka.topics.partitions=3"})
@Import(MovableClockConfiguration.class)
@DirtiesContext
public @interface KafkaIntegrationTest {
}

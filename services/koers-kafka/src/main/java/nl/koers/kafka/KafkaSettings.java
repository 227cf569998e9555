package nl.koers.kafka;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka in and out ({@code koers.kafka.*}): off unless {@code enabled}. {@code client} holds further Kafka client
 * settings (SASL, TLS stores, timeouts) given to the producer, the consumers and the admin client alike.
 */
@ConfigurationProperties("koers.kafka")
public record KafkaSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("PLAINTEXT") String securityProtocol,
        @DefaultValue Map<String, String> client,
        @DefaultValue Topics topics,
        @DefaultValue("/koers") String cloudEventsSource,
        @DefaultValue Readings readings) {

    /**
     * Topic names, and how topics are created at start when missing: partitions bound how far consumers (and the
     * readings consumers of all instances together) scale out; retention is per topic, -1 keeps forever.
     */
    public record Topics(
            @DefaultValue("koers.events") String events,
            @DefaultValue("koers.signals") String signals,
            @DefaultValue("koers.readings") String readings,
            @DefaultValue("koers.readings.dlt") String readingsDeadLetters,
            @DefaultValue("12") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("-1") long eventsRetentionMs,
            @DefaultValue("604800000") long readingsRetentionMs,
            @DefaultValue("2592000000") long deadLettersRetentionMs) {
    }

    /** The readings consumers: their group (shared by all instances), threads per instance, and retry pause. */
    public record Readings(
            @DefaultValue("koers-readings") String consumerGroup,
            @DefaultValue("2") int consumers,
            @DefaultValue("PT1S") Duration retryBackoff) {
    }
}

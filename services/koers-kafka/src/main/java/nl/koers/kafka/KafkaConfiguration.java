package nl.koers.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka in and out, only when {@code koers.kafka.enabled}: the publisher of events and signals (an Axon processing
 * group of its own) and the readings consumers. Both use the plain Kafka client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "koers.kafka.enabled", havingValue = "true")
public class KafkaConfiguration {

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Idempotent and acknowledged by all in-sync replicas: a send retried by the client is written once, and a
     * send reported done survives the loss of a broker. Up to 5 requests in flight keep their order. Closing waits
     * a few seconds for sends in flight, not for a broker that is gone: unacknowledged events are published again
     * from the processor's token after a restart.
     */
    @Bean
    KafkaProducer<String, byte[]> kafkaProducer(KafkaSettings settings) {
        return new KafkaProducer<>(clientConfig(settings, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5)), new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public void close() {
                close(CLOSE_TIMEOUT);
            }
        };
    }

    @Bean
    KafkaTopics kafkaTopics(KafkaSettings settings) {
        return new KafkaTopics(settings.topics(), clientConfig(settings, Map.of()));
    }

    @Bean
    EventPublisher eventPublisher(KafkaProducer<String, byte[]> producer, KafkaSettings settings, ObjectMapper json,
                                  MeterRegistry meters) {
        return new EventPublisher(producer, settings, json, meters);
    }

    @Bean
    ReadingIngestion readingIngestion(KafkaSettings settings, KafkaTopics topics, KafkaProducer<String, byte[]> producer,
                                      ObjectMapper json, Validator validator, CommandGateway commands,
                                      MeterRegistry meters) {
        Map<String, Object> config = clientConfig(settings, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, settings.readings().consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        return new ReadingIngestion(settings, config, topics, producer,
                new ReadingMessages(json, validator), commands, meters);
    }

    /** The address and security of the cluster, then the role's own settings, then {@code koers.kafka.client.*}. */
    private static Map<String, Object> clientConfig(KafkaSettings settings, Map<String, Object> role) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, settings.securityProtocol());
        config.putAll(role);
        config.putAll(settings.client());
        return config;
    }
}

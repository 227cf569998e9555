package nl.koers.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Koers's topics when they are missing, with the configured partitions, replication and retention; topics
 * that exist are left as they are. Asked for by the readings consumers before they subscribe, so a consumer never
 * waits for a metadata refresh to find a topic created after it started.
 */
public class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private final KafkaSettings.Topics topics;
    private final Map<String, Object> adminConfig;
    private volatile boolean created;

    KafkaTopics(KafkaSettings.Topics topics, Map<String, Object> adminConfig) {
        this.topics = topics;
        this.adminConfig = adminConfig;
    }

    /** Creates the missing topics; false when the cluster could not be reached (try again later). */
    public synchronized boolean ensureCreated() {
        if (created) {
            return true;
        }
        Admin admin = Admin.create(adminConfig);
        try {
            for (NewTopic topic : List.of(
                    topic(topics.events(), topics.eventsRetentionMs()),
                    topic(topics.signals(), topics.eventsRetentionMs()),
                    topic(topics.readings(), topics.readingsRetentionMs()),
                    topic(topics.readingsDeadLetters(), topics.deadLettersRetentionMs()))) {
                create(admin, topic);
            }
            created = true;
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Cannot create the Kafka topics yet: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            admin.close(KafkaConfiguration.CLOSE_TIMEOUT);
        }
    }

    private NewTopic topic(String name, long retentionMs) {
        return new NewTopic(name, Optional.of(topics.partitions()), Optional.of(topics.replicationFactor()))
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)));
    }

    private static void create(Admin admin, NewTopic topic) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} ({} partitions)", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}

package nl.koers.app.processors;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Instances on one database share each event processor's segments through the token store, which tells them apart
 * by node id. Axon's default, process id @ host, differs per container; {@code koers.node-id} names an instance where
 * it would not (several instances in one JVM, as in the tests).
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorsConfiguration {

    /** This instance's name among the instances that share the database. */
    public record Node(String id) {
    }

    @Bean
    Node node(@Value("${koers.node-id:}") String nodeId) {
        return new Node(nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId);
    }

    /**
     * The Kafka publisher's source (application.yml): the event store, telling it when new events are there, so a
     * caught-up processor handles a new event at once instead of at its next look 500 ms later; under a flow of
     * events at most every {@code koers.processors.notify-interval}, so that it handles them in batches.
     */
    @Bean
    NotifyingEventSource notifyingEventSource(EventStore eventStore,
                                              @Value("${koers.processors.notify-interval}") Duration interval) {
        return new NotifyingEventSource(eventStore, interval);
    }

    /**
     * The processors' positions in {@code token_entry} (V1), through plain JDBC: a batch ends with one {@code update}
     * of its segment's token, where the JPA store had Hibernate translate a JPQL update for every batch.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties properties, Node node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .contentType(byte[].class)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.id())
                .build();
    }
}

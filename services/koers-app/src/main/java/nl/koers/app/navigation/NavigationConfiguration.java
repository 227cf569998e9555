package nl.koers.app.navigation;

import java.util.Set;

import javax.sql.DataSource;

import nl.koers.api.ProgrammeEvent;
import nl.koers.navigation.ProjectionWrites;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NavigationConfiguration {

    /** The projection processing groups whose failed events are parked in a dead-letter queue. */
    public static final Set<String> DEAD_LETTERED = Set.of(ProgrammeProjection.PROCESSING_GROUP);

    /**
     * An event handler that fails fails its batch, which is rolled back and retried, instead of skipping the event
     * (Axon's default logs and carries on, which would leave the read model silently wrong). That is what side
     * effects such as Kafka publishing keep: they are retried until they succeed.
     */
    @Bean
    ConfigurerModule failuresAreRetried() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /**
     * A projection that fails on an event parks it, with the programme's later events (its sequence), in the
     * group's dead-letter queue in the event store's database, and carries on with the other programmes; the
     * parked events are handled again when an operator retries them. A rebuild (reset) empties the queue: it
     * replays every event anyway.
     */
    @Bean
    ConfigurerModule projectionFailuresAreDeadLettered() {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String group : DEAD_LETTERED) {
                processing.registerDeadLetterQueue(group, config -> JpaSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .entityManagerProvider(config.getComponent(EntityManagerProvider.class))
                                .transactionManager(config.getComponent(TransactionManager.class))
                                .serializer(config.serializer())
                                .build())
                        .registerDeadLetterPolicy(group, config -> new ProjectionDeadLetterPolicy())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker
                                .allowReset(true)
                                .enableSequenceIdentifierCache());
            }
        };
    }

    @Bean
    ProjectionSavepoints projectionSavepoints(DataSource dataSource, ProjectionWrites writes) {
        return new ProjectionSavepoints(dataSource, writes, DEAD_LETTERED);
    }

    /**
     * A programme's events are handled in order, whichever aggregate (the programme or one of its KPIs) applied
     * them, while different programmes are handled in parallel across the processor's segments.
     */
    @Bean
    SequencingPolicy<EventMessage<?>> programmeSequencingPolicy() {
        return event -> event.getPayload() instanceof ProgrammeEvent programmeEvent
                ? programmeEvent.programmeId()
                : event.getIdentifier();
    }
}

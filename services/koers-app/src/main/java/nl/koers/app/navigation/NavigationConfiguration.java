package nl.koers.app.navigation;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.koers.api.ProgrammeEvent;
import nl.koers.navigation.ProjectionWrites;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read side's wiring: the programme view is written inline, in the transaction of the command that appends the
 * events ({@link InlineProjections}; its processing group is a subscribing processor, application.yml), and caught up
 * by a replay when it is behind the store ({@link ProjectionCatchUp}).
 */
@Configuration(proxyBeanMethods = false)
public class NavigationConfiguration {

    /**
     * An event handler that fails fails its batch instead of skipping the event (Axon's default logs and carries on,
     * which would leave the read model silently wrong): inline, the command that applied the event is refused and
     * stores nothing; in a replay, the batch is rolled back and retried; side effects such as Kafka publishing are
     * retried until they succeed.
     */
    @Bean
    ConfigurerModule failuresAreRetried() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /** 1 while the programme view is caught up by a replay: reads may wait then, and say when they are behind. */
    @Bean
    MeterBinder projectionCatchingUp(ProjectionMode mode) {
        return registry -> Gauge.builder("koers.projection.catching.up",
                        () -> mode.current() == ProjectionMode.Mode.CATCHING_UP ? 1 : 0)
                .description("1 while the programme view is caught up with the event store by a replay, else 0")
                .register(registry);
    }

    @Bean
    InlineProjections inlineProjections(ProjectionMode mode, ProjectionWrites writes, StorePositions positions) {
        return new InlineProjections(mode, writes, positions);
    }

    @Bean
    ProjectionCatchUp projectionCatchUp(ProjectionMode mode, StorePositions positions, DataSource dataSource, JdbcClient jdbc,
                                        PlatformTransactionManager transactions, ApplicationContext context,
                                        org.axonframework.config.Configuration axon, EventStore eventStore,
                                        TokenStore tokens, TransactionManager axonTransactions,
                                        SequencingPolicy<EventMessage<?>> programmeSequencingPolicy,
                                        @Value("${koers.projections.catch-up.segments:2}") int segments,
                                        @Value("${koers.projections.catch-up.batch-size:100}") int batchSize) {
        return new ProjectionCatchUp(mode, positions, dataSource, jdbc, new TransactionTemplate(transactions), context, axon,
                eventStore, tokens, axonTransactions, programmeSequencingPolicy, segments, batchSize);
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

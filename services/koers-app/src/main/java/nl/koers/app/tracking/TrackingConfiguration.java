package nl.koers.app.tracking;

import java.time.Clock;
import java.time.ZoneOffset;

import nl.koers.tracking.kpi.Kpi;
import nl.koers.tracking.programme.Programme;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * Registers the aggregates with Axon here rather than through Spring stereotypes, so the domain module stays free
 * of Spring. A KPI collects readings for years: it is snapshotted every {@code koers.kpi.snapshot-every} events so
 * loading it stays fast.
 */
@Configuration(proxyBeanMethods = false)
public class TrackingConfiguration {

    /**
     * The store keeps event timestamps to the millisecond, so time is told to the millisecond from the start:
     * a reading's recordedAt then reads the same whether it comes from the command that stored it or from the store.
     */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    /** Events are stamped by the application's clock, the same one rules and the sweep read. */
    @Bean
    InitializingBean eventClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    /**
     * Spring's snapshotter only knows aggregates declared as Spring beans, so the KPI gets a snapshotter of its own,
     * built on the KPI's own aggregate factory (whose handlers resolve Spring beans such as the programme
     * directory). It snapshots right after the commit that crossed the threshold, in the committing thread.
     */
    private static AggregateConfigurer<Kpi> kpiWithSnapshots(int snapshotEvery) {
        AggregateConfigurer<Kpi> kpi = AggregateConfigurer.defaultConfiguration(Kpi.class);
        return kpi.configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                AggregateSnapshotter.builder()
                        .eventStore(config.eventStore())
                        .aggregateFactories(kpi.aggregateFactory())
                        .transactionManager(config.getComponent(TransactionManager.class))
                        .parameterResolverFactory(config.parameterResolverFactory())
                        .handlerDefinition(config.handlerDefinition(Kpi.class))
                        .build(),
                snapshotEvery));
    }

    @Bean
    ConfigurerModule aggregates(@Value("${koers.kpi.snapshot-every:100}") int snapshotEvery) {
        return configurer -> configurer
                .configureAggregate(Programme.class)
                .configureAggregate(kpiWithSnapshots(snapshotEvery));
    }
}

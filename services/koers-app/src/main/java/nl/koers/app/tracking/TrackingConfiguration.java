package nl.koers.app.tracking;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.tracking.kpi.Kpi;
import nl.koers.tracking.programme.Programme;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;


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
     * directory). It snapshots right after the commit that crossed the threshold, in the committing thread, from the
     * KPI kept in memory ({@link KeptKpiSnapshotter}). Its repository keeps the {@code cacheSize} KPIs used last in
     * memory ({@link KpiRepository}).
     */
    private static AggregateConfigurer<Kpi> kpis(int snapshotEvery, int cacheSize, JdbcClient jdbc) {
        AggregateConfigurer<Kpi> kpi = AggregateConfigurer.defaultConfiguration(Kpi.class);
        return kpi.configureRepository(config -> {
            AtomicReference<KpiRepository> repository = new AtomicReference<>();
            TransactionManager transactions = config.getComponent(TransactionManager.class);
            AggregateSnapshotter replaying = AggregateSnapshotter.builder()
                    .eventStore(config.eventStore())
                    .aggregateFactories(kpi.aggregateFactory())
                    .transactionManager(transactions)
                    .parameterResolverFactory(config.parameterResolverFactory())
                    .handlerDefinition(config.handlerDefinition(Kpi.class))
                    .build();
            repository.set(new KpiRepository(EventSourcingRepository.builder(Kpi.class)
                    .eventStore(config.eventStore())
                    .aggregateFactory(kpi.aggregateFactory())
                    .parameterResolverFactory(config.parameterResolverFactory())
                    .handlerDefinition(config.handlerDefinition(Kpi.class))
                    .lockFactory(PessimisticLockFactory.usingDefaults())
                    .repositoryProvider(config::repository)
                    .spanFactory(config.getComponent(RepositorySpanFactory.class))
                    .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(
                            new KeptKpiSnapshotter(repository::get, replaying, config.eventStore(), transactions),
                            snapshotEvery)),
                    new RecentlyUsed(cacheSize), config.eventStore(), jdbc));
            return repository.get();
        });
    }

    /**
     * The transactions of Axon's units of work, in which a command of a group joins its group's transaction
     * ({@link GroupCommit}).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return GroupCommit.joiningGroups(new SpringTransactionManager(transactions));
    }

    @Bean
    RetryScheduler conflictRetries(MeterRegistry meters) {
        return new ConcurrencyConflictRetries(meters);
    }

    /** The KPIs' commands, readings above all, committed together. */
    @Bean
    GroupCommit groupCommit(CommandBus commandBus, PlatformTransactionManager transactions,
                            @Value("${koers.commands.writers:4}") int writers,
                            @Value("${koers.commands.group-size:100}") int groupSize) {
        return new GroupCommit(commandBus, new SpringTransactionManager(transactions), commandsOf(Kpi.class), writers,
                groupSize);
    }

    /** The commands an aggregate handles: the first parameter of each of its command handlers. */
    private static Set<Class<?>> commandsOf(Class<?> aggregate) {
        return Arrays.stream(aggregate.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(CommandHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
    }

    @Bean
    ConfigurerModule aggregates(@Value("${koers.kpi.snapshot-every:100}") int snapshotEvery,
                                @Value("${koers.kpi.cache-size:1000}") int cacheSize, JdbcClient jdbc) {
        return configurer -> configurer
                .configureAggregate(Programme.class)
                .configureAggregate(kpis(snapshotEvery, cacheSize, jdbc));
    }
}

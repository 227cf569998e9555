package nl.koers.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Axon's message monitors under Prometheus names: snake_case, {@code axon_} prefixed, histograms with a few buckets
 * instead of client-side percentiles, only the meters the dashboards and alerts use. Plus, for each streaming
 * processor, its lag in events behind the head of the event store and the age of the event it handled last (Axon's
 * own latency gauge reports milliseconds, not Prometheus' seconds).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** The Axon meters kept, by Axon's name: their Prometheus-friendly name and help; every other one is dropped. */
    private static final Map<String, AxonMeter> AXON_METERS = Map.of(
            "commandBus.allTimer", new AxonMeter("axon.command.handling", null, "Commands handled, by command type"),
            "commandBus.failureCounter", new AxonMeter("axon.command.failures", null,
                    "Commands that failed or were refused by a rule, by command type"),
            "eventStore.ingestedCounter", new AxonMeter("axon.events.appended", null, "Events appended to the event store"),
            "eventProcessor.processedCounter", new AxonMeter("axon.processor.events.processed", null,
                    "Events handled by each event processor, by event type"),
            "eventProcessor.failureCounter", new AxonMeter("axon.processor.failures", null,
                    "Events whose handling failed in each event processor, by event type"),
            "eventProcessor.capacity", new AxonMeter("axon.processor.capacity", null,
                    "Share of each event processor's threads busy handling events, by event type"));

    private record AxonMeter(String name, String baseUnit, String description) {
    }

    private static final Map<String, String> AXON_TAGS = Map.of("payloadType", "payload_type", "processorName", "processor");

    @Bean
    MeterFilter axonMeterNames() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (isAxon(id.getName()) && !AXON_METERS.containsKey(id.getName())) {
                    return MeterFilterReply.DENY;
                }
                return MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                AxonMeter meter = AXON_METERS.get(id.getName());
                if (meter == null) {
                    return id;
                }
                Tags tags = Tags.of(id.getTags().stream()
                        .map(tag -> Tag.of(AXON_TAGS.getOrDefault(tag.getKey(), tag.getKey()), tag.getValue()))
                        .toList());
                return new Meter.Id(meter.name(), tags, meter.baseUnit() == null ? id.getBaseUnit() : meter.baseUnit(),
                        meter.description(), id.getType());
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("axon.command.handling")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(new double[0])
                        .serviceLevelObjectives(millis(5), millis(10), millis(25), millis(50), millis(100), millis(250),
                                millis(500), millis(1000), millis(2500), millis(5000))
                        .build()
                        .merge(config);
            }
        };
    }

    private static boolean isAxon(String name) {
        return name.startsWith("commandBus.") || name.startsWith("eventStore.") || name.startsWith("eventProcessor.")
                || name.startsWith("eventBus.") || name.startsWith("queryBus.") || name.startsWith("queryUpdateEmitter.");
    }

    private static double millis(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    @Bean
    ConfigurerModule processorLatency(MeterRegistry registry) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) -> {
            AtomicLong ageInMillis = new AtomicLong();
            TimeGauge.builder("axon.processor.latency", ageInMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                    .tag("processor", processor)
                    .description("Age of the event the event processor handled last")
                    .register(registry);
            Clock clock = Clock.systemUTC();
            return (unitOfWork, chain) -> {
                ageInMillis.set(Math.max(0, Duration.between(unitOfWork.getMessage().getTimestamp(), clock.instant()).toMillis()));
                return chain.proceed();
            };
        });
    }

    /** How many events each streaming processor's slowest segment (of those this instance holds) is behind. */
    @EventListener(ApplicationReadyEvent.class)
    void registerProcessorLag(ApplicationReadyEvent ready) {
        MeterRegistry registry = ready.getApplicationContext().getBean(MeterRegistry.class);
        EventStore eventStore = ready.getApplicationContext().getBean(EventStore.class);
        ready.getApplicationContext().getBean(EventProcessingConfiguration.class)
                .eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> Gauge.builder("koers.processor.lag", () -> lag(processor, eventStore))
                        .tag("processor", processor.getName())
                        .baseUnit("events")
                        .description("Events between the head of the event store and the processor's slowest segment")
                        .register(registry));
    }

    private static double lag(StreamingEventProcessor processor, EventStore eventStore) {
        long head = eventStore.createHeadToken().position().orElse(0);
        OptionalLong lag = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> Math.max(0, head - position.orElse(0)))
                .max();
        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
    }
}

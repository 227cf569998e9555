package nl.koers.app.navigation;

import nl.koers.api.ProgrammeEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NavigationConfiguration {

    /**
     * A programme's events are handled in order, whichever aggregate (the programme or one of its KPIs) applied
     * them, while different programmes are handled in parallel across the processor's segments.
     */
    /**
     * A projection that fails on an event fails its batch, which is rolled back and retried, instead of skipping
     * the event (Axon's default logs and carries on, which would leave the read model silently wrong).
     */
    @Bean
    ConfigurerModule projectionFailuresAreRetried() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    @Bean
    SequencingPolicy<EventMessage<?>> programmeSequencingPolicy() {
        return event -> event.getPayload() instanceof ProgrammeEvent programmeEvent
                ? programmeEvent.programmeId()
                : event.getIdentifier();
    }
}

package nl.koers.app.navigation;

import java.lang.management.ManagementFactory;

import nl.koers.api.ProgrammeEvent;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * Instances on one database share each processor's segments through the token store, which tells them apart by
     * node id. Axon's default, process id @ host, differs per container; {@code koers.node-id} names an instance
     * where it would not (several instances in one JVM, as in the tests).
     */
    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer,
                          TokenStoreProperties properties, @Value("${koers.node-id:}") String nodeId) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId)
                .build();
    }

    @Bean
    SequencingPolicy<EventMessage<?>> programmeSequencingPolicy() {
        return event -> event.getPayload() instanceof ProgrammeEvent programmeEvent
                ? programmeEvent.programmeId()
                : event.getIdentifier();
    }
}

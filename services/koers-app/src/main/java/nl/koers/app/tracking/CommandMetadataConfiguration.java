package nl.koers.app.tracking;

import java.util.List;

import nl.koers.api.MessageMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every command carries its actor and correlation id (put on it by the HTTP API's {@code CommandMetadata}), and so
 * does every event it causes. The KPIs' commands are committed in groups ({@link GroupCommit}). A command that lost a
 * race for its aggregate is sent again ({@link ConcurrencyConflictRetries}), so concurrent clients never see a
 * conflict they did not cause.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetadataConfiguration {

    private static final String CAUSATION_ID = "causationId";
    private static final String TRACE_ID = "traceId";

    @Bean
    CommandGateway commandGateway(GroupCommit groupCommit, MessageDispatchInterceptor<CommandMessage<?>> metadata,
                                  RetryScheduler conflictRetries) {
        return DefaultCommandGateway.builder().commandBus(groupCommit.commandBus()).dispatchInterceptors(metadata)
                .retryScheduler(conflictRetries).build();
    }

    /**
     * The actor and the request's correlation id, copied from a command to its events. Declaring this bean replaces
     * Axon's default origin provider, whose "correlationId" is the causing message's id; it is kept, under
     * "causationId" and "traceId", so the request's id keeps the name clients know.
     */
    @Bean
    CorrelationDataProvider correlationData() {
        return new MultiCorrelationDataProvider<>(List.of(new MessageOriginProvider(CAUSATION_ID, TRACE_ID),
                new SimpleCorrelationDataProvider(MessageMetadata.ACTOR, MessageMetadata.CORRELATION_ID)));
    }
}

package nl.koers.app.tracking;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.DisposableBean;

/**
 * Sends a command again when it lost a race for its aggregate (another instance, or another request, appended the
 * same event sequence number first), on the aggregate as it now is, with a back-off doubling from 10 ms; ten
 * retries wait about 10 s at most. Only such optimistic-locking conflicts are retried: rule violations, conflicts
 * with the state and an unavailable database are answered as they are (Axon's own schedulers retry every failure
 * not marked non-transient). Counted as {@code koers_command_retries_total}.
 */
class ConcurrencyConflictRetries implements RetryScheduler, DisposableBean {

    private static final int MAX_RETRIES = 10;
    private static final long FIRST_BACK_OFF_MILLIS = 10;
    private static final int THREADS = 2;

    private final ScheduledExecutorService executor =
            Executors.newScheduledThreadPool(THREADS, new AxonThreadFactory("command-retries"));
    private final RetryScheduler backOff = ExponentialBackOffIntervalRetryScheduler.builder()
            .retryExecutor(executor)
            .maxRetryCount(MAX_RETRIES)
            .backoffFactor(FIRST_BACK_OFF_MILLIS)
            .nonTransientFailurePredicate(failure -> false)
            .build();
    private final Counter retries;

    ConcurrencyConflictRetries(MeterRegistry meters) {
        retries = Counter.builder("koers.command.retries")
                .description("Commands sent again after losing a concurrent append to their aggregate")
                .register(meters);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean retrying = isConcurrencyConflict(lastFailure)
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (retrying) {
            retries.increment();
        }
        return retrying;
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

package nl.koers.app.navigation;

import nl.koers.app.persistence.DatabaseUnavailable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * Parks an event whose projection failed, counting in its diagnostics how often it was retried in vain. A failure
 * because the database is away is no fault of the event: it fails the batch instead, which the processor retries
 * until the database is back. So does a failure in a batch without a savepoint before the event
 * ({@link ProjectionSavepoints}): the batch is handled again with one, and the event parked then.
 */
public class ProjectionDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** The diagnostics entry that counts the retries of a parked event. */
    public static final String RETRIES = "retries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DatabaseUnavailable.causes(cause) || cause instanceof ProjectionSavepoints.FailedWithoutSavepoint) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        return Decisions.requeue(cause, parked -> parked.diagnostics().and(RETRIES, retries(parked.diagnostics())));
    }

    /** None when the event is parked, one more at each retry that failed again. */
    private static int retries(MetaData diagnostics) {
        Object retries = diagnostics.get(RETRIES);
        return retries instanceof Number number ? number.intValue() + 1 : 0;
    }
}

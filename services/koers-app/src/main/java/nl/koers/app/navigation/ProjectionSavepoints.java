package nl.koers.app.navigation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import nl.koers.navigation.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Sets a savepoint in the transaction before the first handler of a dead-lettered projection handles an event that
 * may fail, and rolls back to it when any of the event's handlers fails. PostgreSQL refuses every further statement
 * of a transaction in which one failed, so without it the failed event could not be parked, nor the rest of the batch
 * projected, in that transaction; and the handlers that did handle the event are undone with it, so all of them
 * handle it again when it is retried. The projections write through JDBC on the transaction's connection, so the
 * savepoint is set on that connection (Hibernate's JPA dialect offers Spring no nested transactions).
 * <p>
 * In a processor's batch an event gets no savepoint until it has failed once: a savepoint is a round trip and a
 * subtransaction, for every event of a rebuild, and almost no event fails. An event that fails without one fails its
 * batch ({@link FailedWithoutSavepoint}, which the dead-letter policy lets through); the processor rolls the batch back
 * and handles it again, this time with a savepoint before that event, which is then parked as before. Dead letters
 * retried by an operator are handled one at a time, each with a savepoint.
 * <p>
 * The writes of the events without a savepoint are kept until the batch commits and then sent together
 * ({@link ProjectionWrites}); those of an event with one are sent before its savepoint is released. A batch whose
 * writes fail at its commit is handled again with a savepoint before each of its events.
 */
class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private static final String SAVEPOINT = ProjectionSavepoints.class.getName();

    private final DataSource dataSource;
    private final ProjectionWrites writes;
    private final Set<String> processingGroups;
    /** The events that failed in a batch without a savepoint, until a batch that gave them one is committed. */
    private final Set<String> failedWithoutSavepoint = ConcurrentHashMap.newKeySet();

    ProjectionSavepoints(DataSource dataSource, ProjectionWrites writes, Set<String> processingGroups) {
        this.dataSource = dataSource;
        this.writes = writes;
        this.processingGroups = processingGroups;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !processingGroups.contains(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!needsSavepoint(message)) {
                    deferWritesToCommit();
                    try {
                        return super.handle(message, target);
                    } catch (Exception failure) {
                        failedWithoutSavepoint.add(message.getIdentifier());
                        throw new FailedWithoutSavepoint(message, failure);
                    }
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    Savepoint savepoint = savepointBefore(message, connection);
                    try {
                        Object result = super.handle(message, target);
                        writes.flush();
                        return result;
                    } catch (Exception | Error failure) {
                        writes.discard();
                        connection.rollback(savepoint);
                        throw failure;
                    }
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        };
    }

    /**
     * The batch's writes are sent when it commits. When they fail there, it is not known which event's did: every
     * event of the batch is handled again with a savepoint, and the failing one parked.
     */
    private void deferWritesToCommit() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (writes.deferInCurrentUnitOfWork()) {
            unitOfWork.onPrepareCommit(batch -> {
                try {
                    writes.flush();
                } catch (RuntimeException failure) {
                    handleAgainWithSavepoints(batch);
                    throw failure;
                }
            });
        }
    }

    private void handleAgainWithSavepoints(UnitOfWork<?> batch) {
        if (batch instanceof BatchingUnitOfWork<?> events) {
            events.getMessages().forEach(event -> failedWithoutSavepoint.add(event.getIdentifier()));
        }
    }

    /** Outside a processor's batch (a dead letter retried, say) always; in a batch once the event failed without. */
    private boolean needsSavepoint(Message<?> event) {
        return !CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork)
                || failedWithoutSavepoint.contains(event.getIdentifier());
    }

    /**
     * The savepoint set before the event's first handler, in the unit of work that handles the event, after the writes
     * of the batch's earlier events (which a failure of this event must not undo).
     */
    private Savepoint savepointBefore(Message<?> event, Connection connection) throws SQLException {
        if (!CurrentUnitOfWork.isStarted()) {
            return connection.setSavepoint();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Object> resources = unitOfWork.resources();
        if (!(resources.get(SAVEPOINT) instanceof EventSavepoint current) || !current.eventId().equals(event.getIdentifier())) {
            try {
                writes.flush();
            } catch (RuntimeException failure) {
                handleAgainWithSavepoints(unitOfWork);
                throw new FailedWithoutSavepoint(event, failure);
            }
            resources.put(SAVEPOINT, new EventSavepoint(event.getIdentifier(), connection.setSavepoint()));
            unitOfWork.afterCommit(committed -> failedWithoutSavepoint.remove(event.getIdentifier()));
        }
        return ((EventSavepoint) resources.get(SAVEPOINT)).savepoint();
    }

    /**
     * An event's handler failed in a batch that set no savepoint before it, so the batch's transaction can go no
     * further: the batch fails, and is handled again with a savepoint before this event.
     */
    static class FailedWithoutSavepoint extends RuntimeException {

        FailedWithoutSavepoint(Message<?> event, Throwable cause) {
            super("Event " + event.getIdentifier() + " failed without a savepoint; its batch is handled again with one",
                    cause);
        }
    }

    private record EventSavepoint(String eventId, Savepoint savepoint) {
    }
}

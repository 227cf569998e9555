package nl.koers.app.navigation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Sets a savepoint in the batch's transaction before the first handler of a dead-lettered projection handles an
 * event, and rolls back to it when any of the event's handlers fails. PostgreSQL refuses every further statement of
 * a transaction in which one failed, so without it the failed event could not be parked, nor the rest of the batch
 * projected, in that transaction; and the handlers that did handle the event are undone with it, so all of them
 * handle it again when it is retried. The projections write through JDBC on the transaction's connection, so the
 * savepoint is set on that connection (Hibernate's JPA dialect offers Spring no nested transactions).
 */
class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private static final String SAVEPOINT = ProjectionSavepoints.class.getName();

    private final DataSource dataSource;
    private final Set<String> processingGroups;

    ProjectionSavepoints(DataSource dataSource, Set<String> processingGroups) {
        this.dataSource = dataSource;
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
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    Savepoint savepoint = savepointBefore(message, connection);
                    try {
                        return super.handle(message, target);
                    } catch (Exception | Error failure) {
                        connection.rollback(savepoint);
                        throw failure;
                    }
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        };
    }

    /** The savepoint set before the event's first handler, in the unit of work that handles the event. */
    private static Savepoint savepointBefore(Message<?> event, Connection connection) throws SQLException {
        if (!CurrentUnitOfWork.isStarted()) {
            return connection.setSavepoint();
        }
        Map<String, Object> resources = CurrentUnitOfWork.get().resources();
        if (!(resources.get(SAVEPOINT) instanceof EventSavepoint current) || !current.eventId().equals(event.getIdentifier())) {
            resources.put(SAVEPOINT, new EventSavepoint(event.getIdentifier(), connection.setSavepoint()));
        }
        return ((EventSavepoint) resources.get(SAVEPOINT)).savepoint();
    }

    private record EventSavepoint(String eventId, Savepoint savepoint) {
    }
}

package nl.koers.app.navigation;

import nl.koers.navigation.ProjectionWrites;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The programme view's handlers, whether they run inline (the subscribing processor, in the unit of work of the
 * command that applied the events, inside its transaction) or in the catch-up's replay ({@link ProjectionCatchUp},
 * tracked events in batches of their own). Once per unit of work they ask {@link ProjectionMode} whether this is the
 * way the view is written now, and do nothing otherwise. Their statements are kept and sent together when the unit of
 * work commits ({@link ProjectionWrites}): a group of readings ({@code GroupCommit}) or a replayed batch is one round
 * trip per kind of statement.
 */
class InlineProjections implements HandlerEnhancerDefinition {

    private static final String WRITES_HERE = InlineProjections.class.getName();

    private final ProjectionMode mode;
    private final ProjectionWrites writes;
    private final StorePositions positions;

    InlineProjections(ProjectionMode mode, ProjectionWrites writes, StorePositions positions) {
        this.mode = mode;
        this.writes = writes;
        this.positions = positions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !ProgrammeProjection.PROCESSING_GROUP.equals(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
                Boolean writesHere = unitOfWork.getResource(WRITES_HERE);
                if (writesHere == null) {
                    writesHere = writesHere(unitOfWork, message);
                    unitOfWork.resources().put(WRITES_HERE, writesHere);
                }
                if (!writesHere) {
                    return null;
                }
                return super.handle(message, target);
            }
        };
    }

    /**
     * Whether the view is written in this unit of work: inline while the mode is {@code INLINE}, in the replay while it
     * is {@code CATCHING_UP}. The replay reads the mode after it fetched its batch, so an event committed after a
     * hand-over to inline writing is never written twice.
     */
    private boolean writesHere(UnitOfWork<?> unitOfWork, Message<?> event) {
        boolean replayed = event instanceof TrackedEventMessage;
        boolean here;
        if (replayed) {
            here = mode.current() == ProjectionMode.Mode.CATCHING_UP;
        } else {
            ProjectionMode.Entered entered = mode.enterInline();
            unitOfWork.root().afterCommit(committed -> positions.committed(entered.position()));
            here = entered.mode() == ProjectionMode.Mode.INLINE;
        }
        if (here && writes.deferInCurrentUnitOfWork()) {
            unitOfWork.onPrepareCommit(batch -> writes.flush());
        }
        return here;
    }
}

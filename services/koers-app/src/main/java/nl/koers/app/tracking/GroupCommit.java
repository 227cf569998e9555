package nl.koers.app.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Commands to KPIs, readings above all, committed together. A few writer threads each take the commands that queued
 * up for them while they were busy and handle them in one unit of work and one transaction, each command in a unit of
 * work of its own nested in it: one commit, one append and one fsync for many commands. A KPI's commands always go to
 * the same writer, in the order they came, so they never wait for the KPI's lock, and a request waiting its turn holds
 * no database connection.
 * <p>
 * A client hears of its command only once the transaction that stored it committed. A command the KPI refuses (a rule,
 * a conflict with its state, an unknown KPI) is refused in the group, which goes on: the aggregates refuse before they
 * apply an event, so a refusal leaves nothing behind. When a command fails otherwise, or the commit does, the group is
 * rolled back and its commands are handled again one by one, each as if it came alone (its own unit of work and
 * transaction), so that one command's failure is never another's: they are answered what they would have been
 * answered alone. A group that lost a concurrent append (another instance appended to one of its KPIs first) is
 * answered with that conflict, which the gateway sends again. Other commands pass straight to the command bus.
 */
public final class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);
    /**
     * The routing keys of a group's commands, a resource of the group's unit of work: the aggregates they load can
     * prepare for all of them at once ({@link KpiRepository}).
     */
    static final String ROUTING_KEYS = GroupCommit.class.getName() + ".routingKeys";
    /** Set while a writer hands a group's commands to the command bus, inside the group's own transaction. */
    private static final ThreadLocal<Boolean> GROUPING = ThreadLocal.withInitial(() -> false);

    private final CommandBus commandBus;
    private final TransactionManager transactions;
    private final Set<Class<?>> grouped;
    private final int maxGroup;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.defaultStrategy();
    private final List<Writer> writers = new ArrayList<>();
    private final CommandBus bus = new Grouping();
    private volatile boolean running = true;

    /**
     * @param commandBus   handles each command
     * @param transactions the database's transactions, a group's one among them
     * @param grouped      the command types committed together
     * @param writers      how many groups may be handled at the same time
     * @param maxGroup     the most commands in one group
     */
    GroupCommit(CommandBus commandBus, TransactionManager transactions, Set<Class<?>> grouped, int writers,
                int maxGroup) {
        this.commandBus = commandBus;
        this.transactions = transactions;
        this.grouped = Set.copyOf(grouped);
        this.maxGroup = maxGroup;
        for (int i = 1; i <= writers; i++) {
            Writer writer = new Writer();
            Thread thread = new Thread(writer, "command-writer-" + i);
            thread.setDaemon(true);
            writer.thread = thread;
            this.writers.add(writer);
            thread.start();
        }
    }

    /**
     * The transactions the command bus starts around each command: none of its own for a command of a group (its
     * writes belong to the group's transaction, which the writer commits or rolls back), the database's otherwise.
     */
    static TransactionManager joiningGroups(TransactionManager transactions) {
        return () -> GROUPING.get() ? NoTransactionManager.INSTANCE.startTransaction() : transactions.startTransaction();
    }

    /** The command bus as the gateway sees it: the grouped commands go to the writers, the others straight on. */
    public CommandBus commandBus() {
        return bus;
    }

    private final class Grouping implements CommandBus {

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, LoggingCallback.INSTANCE);
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            if (!grouped.contains(command.getPayloadType())) {
                commandBus.dispatch(command, callback);
                return;
            }
            Pending<C, R> pending = new Pending<>(command, callback);
            if (!running) {
                pending.fail(shuttingDown());
                return;
            }
            writers.get(Math.floorMod(routing.getRoutingKey(command).hashCode(), writers.size())).queue.add(pending);
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            return commandBus.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            return commandBus.registerHandlerInterceptor(interceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            return commandBus.registerDispatchInterceptor(interceptor);
        }
    }

    /** Handles what is queued, then stops the writers; a command queued meanwhile is answered with a failure. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Writer writer : writers) {
            writer.thread.join(Duration.ofSeconds(10).toMillis());
            List<Pending<?, ?>> left = new ArrayList<>();
            writer.queue.drainTo(left);
            left.forEach(pending -> pending.fail(shuttingDown()));
        }
    }

    private final class Writer implements Runnable {

        private final BlockingQueue<Pending<?, ?>> queue = new LinkedBlockingQueue<>();
        private Thread thread;

        @Override
        public void run() {
            List<Pending<?, ?>> group = new ArrayList<>(maxGroup);
            while (running || !queue.isEmpty()) {
                try {
                    Pending<?, ?> first = queue.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    group.add(first);
                    queue.drainTo(group, maxGroup - 1);
                    if (group.size() == 1 || !handledTogether(group)) {
                        group.forEach(Pending::dispatchAlone);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.error("A command writer failed; its commands are answered with the failure", e);
                    group.forEach(pending -> pending.fail(e));
                } finally {
                    group.clear();
                }
            }
        }

        /** True when every command of the group was handled and committed, and each caller answered. */
        private boolean handledTogether(List<Pending<?, ?>> group) {
            List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                unitOfWork.attachTransaction(transactions);
                unitOfWork.resources().put(ROUTING_KEYS, group.stream().map(pending -> routing.getRoutingKey(pending.command)).toList());
                GROUPING.set(true);
                try {
                    for (Pending<?, ?> pending : group) {
                        commandBus.dispatch(pending.command, (command, result) -> results.add(result));
                    }
                } finally {
                    GROUPING.set(false);
                }
                if (results.size() < group.size() || results.stream().anyMatch(GroupCommit::failedOtherwise)) {
                    unitOfWork.rollback();
                    return false;
                }
                unitOfWork.commit();
            } catch (RuntimeException e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                if (ConcurrencyConflictRetries.isConcurrencyConflict(e)) {
                    // another instance appended to one of the group's KPIs first: each command is sent again
                    group.forEach(pending -> pending.fail(e));
                    return true;
                }
                log.debug("A group of {} commands failed; each is handled alone", group.size(), e);
                return false;
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer(results.get(i));
            }
            return true;
        }
    }

    private static IllegalStateException shuttingDown() {
        return new IllegalStateException("The service is shutting down");
    }

    /** A failure other than a refusal of the command by its aggregate. */
    private static boolean failedOtherwise(CommandResultMessage<?> result) {
        return result.isExceptional() && !(result.exceptionResult() instanceof RuleViolationException
                || result.exceptionResult() instanceof ConflictException
                || result.exceptionResult() instanceof NotFoundException
                || result.exceptionResult() instanceof AggregateNotFoundException);
    }

    private final class Pending<C, R> {

        private final CommandMessage<C> command;
        private final CommandCallback<? super C, ? super R> callback;

        Pending(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            this.command = command;
            this.callback = callback;
        }

        void dispatchAlone() {
            commandBus.dispatch(command, callback);
        }

        @SuppressWarnings("unchecked")
        void answer(CommandResultMessage<?> result) {
            callback.onResult(command, (CommandResultMessage<? extends R>) result);
        }

        void fail(Throwable failure) {
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(failure));
        }
    }
}

package nl.koers.api.signal;

/**
 * {@link AcknowledgeSignal} as the aggregate that owns the signal takes it. Axon routes a command type to one
 * aggregate type only, and a signal is owned by its KPI or by its programme, so each owner has a command of its own.
 */
public sealed interface AcknowledgeOwnedSignal permits AcknowledgeKpiSignal, AcknowledgeProgrammeSignal {

    SignalId signalId();

    String by();

    String note();

    /** The command for the aggregate that owns {@code command}'s signal. */
    static AcknowledgeOwnedSignal of(AcknowledgeSignal command) {
        return command.signalId().subject().kind() == Subject.Kind.KPI
                ? new AcknowledgeKpiSignal(command.signalId(), command.by(), command.note())
                : new AcknowledgeProgrammeSignal(command.signalId(), command.by(), command.note());
    }
}

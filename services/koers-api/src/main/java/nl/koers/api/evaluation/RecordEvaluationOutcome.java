package nl.koers.api.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordEvaluationOutcome(
        @TargetAggregateIdentifier String programmeId,
        String evaluationId,
        LocalDate heldOn,
        DeliveryConfidence deliveryConfidence,
        Decision decision,
        String summary,
        List<Action> actions,
        List<String> addressedSignals) {

    public RecordEvaluationOutcome {
        actions = actions == null ? List.of() : List.copyOf(actions);
        addressedSignals = addressedSignals == null ? List.of() : List.copyOf(addressedSignals);
    }
}

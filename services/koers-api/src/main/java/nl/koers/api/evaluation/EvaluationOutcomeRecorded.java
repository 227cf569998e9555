package nl.koers.api.evaluation;

import java.time.LocalDate;
import java.util.List;

public record EvaluationOutcomeRecorded(
        String programmeId,
        String evaluationId,
        LocalDate heldOn,
        DeliveryConfidence deliveryConfidence,
        Decision decision,
        String summary,
        List<Action> actions,
        List<String> addressedSignals) implements EvaluationEvent {
}

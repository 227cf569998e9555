package nl.koers.navigation.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;

/** {@code outcome} is null until the evaluation has been held. */
public record EvaluationView(String programmeId, String id, String title, LocalDate scheduledFor, Outcome outcome) {

    EvaluationView withOutcome(Outcome held) {
        return new EvaluationView(programmeId, id, title, scheduledFor, held);
    }

    public record Outcome(
            LocalDate heldOn,
            DeliveryConfidence deliveryConfidence,
            Decision decision,
            String summary,
            List<Action> actions,
            List<String> addressedSignals,
            Instant recordedAt) {
    }
}

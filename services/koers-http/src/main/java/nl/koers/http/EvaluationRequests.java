package nl.koers.http;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.input.Ids;

/** Request bodies of the evaluation endpoints. */
final class EvaluationRequests {

    private EvaluationRequests() {
    }

    record ScheduleEvaluation(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate scheduledFor) {
    }

    record Outcome(
            @NotNull LocalDate heldOn,
            @NotNull DeliveryConfidence deliveryConfidence,
            @NotNull Decision decision,
            @NotBlank @Size(max = 10000) String summary,
            @Size(max = 100) List<@NotNull @Valid Action> actions,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> addressedSignals) {
    }

    record Action(
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueDate) {
    }
}

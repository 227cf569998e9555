package nl.koers.http;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.input.Ids;

/** Request bodies of the milestone endpoints. */
final class MilestoneRequests {

    private MilestoneRequests() {
    }

    record PlanMilestone(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate dueDate,
            @Schema(description = "Optional: when the work towards the milestone starts (on or after the programme's "
                    + "start, before the due date). Its slip is measured from here; without it, from the programme's "
                    + "start.") LocalDate startDate) {
    }

    record Forecast(@NotNull LocalDate forecastDate, @Size(max = 2000) String reason) {
    }

    record Rebaseline(
            @NotNull LocalDate dueDate,
            @NotBlank @Size(max = 2000) String reason,
            @NotBlank @Size(max = 200) String approvedBy) {
    }

    record Achievement(@NotNull LocalDate achievedOn) {
    }

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }
}

package nl.koers.http;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.input.Ids;

/** Request bodies of the programme endpoints. */
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    record DefineProgramme(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 200) String owner,
            @NotNull LocalDate startDate,
            @NotNull LocalDate plannedEndDate,
            @Size(max = 100) List<@NotNull @Valid Objective> objectives) {
    }

    record Objective(
            @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 1000) String statement) {
    }

    record StatusChange(@Size(max = 2000) String reason) {
    }
}

package nl.koers.api.programme;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefineProgramme(
        @TargetAggregateIdentifier String programmeId,
        String name,
        String description,
        String owner,
        LocalDate startDate,
        LocalDate plannedEndDate,
        List<Objective> objectives) {

    public DefineProgramme {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }
}

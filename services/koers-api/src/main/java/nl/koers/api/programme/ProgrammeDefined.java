package nl.koers.api.programme;

import java.time.LocalDate;
import java.util.List;

public record ProgrammeDefined(
        String programmeId,
        String name,
        String description,
        String owner,
        LocalDate startDate,
        LocalDate plannedEndDate,
        List<Objective> objectives) implements ProgrammeLifecycleEvent {
}

package nl.koers.navigation.programme;

import java.time.LocalDate;

import nl.koers.api.programme.ProgrammeStatus;

public record ProgrammeSummary(
        String id, String name, String owner, ProgrammeStatus status, LocalDate startDate, LocalDate plannedEndDate) {
}

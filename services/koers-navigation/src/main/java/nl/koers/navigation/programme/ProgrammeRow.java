package nl.koers.navigation.programme;

import java.time.Instant;
import java.time.LocalDate;

import nl.koers.api.programme.ProgrammeStatus;

/** A programme as the projection keeps it in {@code nav_programme} and the fold keeps it in memory. */
record ProgrammeRow(String programmeId, String name, String description, String owner, LocalDate startDate,
                    LocalDate plannedEndDate, ProgrammeStatus status, Instant definedAt) {

    ProgrammeRow withStatus(ProgrammeStatus newStatus) {
        return new ProgrammeRow(programmeId, name, description, owner, startDate, plannedEndDate, newStatus, definedAt);
    }
}

package nl.koers.navigation.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeStatus;

public record ProgrammeView(
        String id,
        String name,
        String description,
        String owner,
        LocalDate startDate,
        LocalDate plannedEndDate,
        ProgrammeStatus status,
        List<Objective> objectives,
        List<KpiView> kpis,
        List<MilestoneView> milestones,
        List<EvaluationView> evaluations,
        Instant definedAt,
        Instant updatedAt) {
}

package nl.koers.navigation.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.Severity;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.Health;

/** A programme's full picture: health always beside the last delivery confidence, never instead of it. */
public record ProgrammeView(
        String id,
        String name,
        String description,
        String owner,
        LocalDate startDate,
        LocalDate plannedEndDate,
        ProgrammeStatus status,
        Health health,
        DeliveryConfidence lastDeliveryConfidence,
        Map<Severity, Integer> openSignals,
        List<Objective> objectives,
        List<KpiView> kpis,
        List<MilestoneView> milestones,
        List<EvaluationView> evaluations,
        List<SignalView> signals,
        Instant definedAt) {
}

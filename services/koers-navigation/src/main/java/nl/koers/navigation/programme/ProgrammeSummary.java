package nl.koers.navigation.programme;

import java.time.LocalDate;
import java.util.Map;

import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.Severity;
import nl.koers.rules.Health;

/** A programme in the portfolio. */
public record ProgrammeSummary(
        String id,
        String name,
        String owner,
        ProgrammeStatus status,
        LocalDate startDate,
        LocalDate plannedEndDate,
        Health health,
        DeliveryConfidence lastDeliveryConfidence,
        Map<Severity, Integer> openSignals) {
}

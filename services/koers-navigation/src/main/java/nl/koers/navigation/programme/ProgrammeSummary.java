package nl.koers.navigation.programme;

import java.time.LocalDate;
import java.util.Map;

import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.Severity;
import nl.koers.rules.Health;

/** A programme in the portfolio; {@code lastEvaluatedOn}: when its latest evaluation with an outcome was held. */
public record ProgrammeSummary(
        String id,
        String name,
        String owner,
        ProgrammeStatus status,
        LocalDate startDate,
        LocalDate plannedEndDate,
        Health health,
        DeliveryConfidence lastDeliveryConfidence,
        LocalDate lastEvaluatedOn,
        Map<Severity, Integer> openSignals) {
}

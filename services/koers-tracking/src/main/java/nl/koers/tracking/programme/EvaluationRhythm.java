package nl.koers.tracking.programme;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import org.axonframework.eventsourcing.EventSourcingHandler;

import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.rules.EvaluationRules;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * How regularly a programme holds its evaluations: the latest held-on date of their outcomes, and the gap since
 * then (or since the programme's start) that the programme's own EVALUATION_OVERDUE reports. A member of the
 * {@link Programme} that follows every outcome recorded in it.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class EvaluationRhythm {

    /** The latest held-on date of the recorded outcomes, null before the first. */
    private LocalDate lastHeldOn;

    /** The programme's gap without an evaluation outcome as of {@code now}, when it is longer than allowed. */
    Optional<Detected> gap(LocalDate programmeStart, Instant now) {
        return EvaluationRules.programmeOverdue(programmeStart, Optional.ofNullable(lastHeldOn), now).map(gap -> {
            String explanation = "No evaluation outcome has been held for " + gap.daysWithout() + " days, since "
                    + gap.since() + "; at most " + EvaluationRules.PROGRAMME_INTERVAL_DAYS
                    + " days should pass without one.";
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("since", gap.since().toString());
            evidence.put("daysWithout", gap.daysWithout());
            evidence.put("allowedDays", EvaluationRules.PROGRAMME_INTERVAL_DAYS);
            return new Detected(EvaluationRules.SEVERITY, explanation, evidence);
        });
    }

    @EventSourcingHandler
    void on(EvaluationOutcomeRecorded event) {
        if (lastHeldOn == null || event.heldOn().isAfter(lastHeldOn)) {
            lastHeldOn = event.heldOn();
        }
    }
}

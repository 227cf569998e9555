package nl.koers.tracking.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.koers.api.kpi.Cadence;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;
import nl.koers.rules.Forecast;
import nl.koers.rules.KpiForecastMiss;
import nl.koers.rules.KpiStaleness;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Reading;
import nl.koers.tracking.signal.SignalBoard;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * The events that bring a KPI's own signals on its {@code signals} board in line with its readings and its plan as
 * they are now, as the rules of koers-rules find them and {@link KpiSignals} puts them in words. Made for one command
 * from the KPI's state: {@code lastRetarget} is when the latest target came in force (null: the definition's).
 */
record KpiSignalChecks(KpiSignals detection, SignalBoard signals, Subject subject, KpiReadings readings,
                       Instant definedAt, Instant lastRetarget) {

    /** The forecast reads the latest 8; the latest of them gives the status. */
    private static final int FORECAST_READINGS = Forecast.READINGS;
    private static final String STALE_CLEARED = "A reading arrived within 1.5 cadences, or the target date has passed.";

    /**
     * After a change of the readings or the target: KPI_OFF_PLAN, KPI_FORECAST_MISS and KPI_SHIFT as they are now;
     * a new reading ends KPI_STALE at once, but raising it is left to the sweep, which knows the programme's status.
     */
    List<Object> afterChange(Instant now) {
        String name = detection.name();
        PlanLine plan = detection.plan();
        List<Object> events = new ArrayList<>();
        events.addAll(signals.reconcile(subject, SignalType.KPI_OFF_PLAN,
                readings.latestCounted().flatMap(detection::offPlan),
                name + " is back within tolerance of its plan, or has no readings."));
        events.addAll(signals.reconcile(subject, SignalType.KPI_FORECAST_MISS,
                KpiForecastMiss.evaluate(readings.latestCounted(FORECAST_READINGS, lastRetarget), plan,
                        detection.direction(), cadenceDays(), now,
                        signals.isOpen(subject, SignalType.KPI_FORECAST_MISS))
                        .map(detection::forecastMiss),
                "At the current rate " + name + " comes within half the tolerance of its target at the favourable "
                        + "95 % bound, there are too few readings since its latest retarget to tell, or the target date "
                        + "has come."));
        events.addAll(signals.reconcile(subject, SignalType.KPI_SHIFT,
                readings.shift(lastRetarget, plan, detection.direction()).map(detection::shift),
                "The deviations of " + name + " from plan are back at their usual level."));
        events.addAll(signals.reconcileWithoutRaising(subject, SignalType.KPI_STALE, staleness(now), STALE_CLEARED));
        return events;
    }

    /**
     * The sweep's check of KPI_STALE as of {@code now}, a time-driven signal: raised only when {@code mayRaise} (the
     * programme is ACTIVE); otherwise the check can only clear it.
     */
    List<Object> asTimePasses(Instant now, boolean mayRaise) {
        return signals.reconcileAsTimePasses(subject, SignalType.KPI_STALE, staleness(now), STALE_CLEARED, mayRaise);
    }

    private Optional<Detected> staleness(Instant now) {
        return KpiStaleness.evaluate(readings.latestCounted().map(Reading::measuredAt), definedAt,
                detection.plan().currentTarget(), cadenceDays(), now).map(detection::stale);
    }

    private BigDecimal cadenceDays() {
        return Cadence.lengthInDays(detection.cadence()).orElseThrow();
    }
}

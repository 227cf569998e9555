package nl.koers.tracking.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nl.koers.api.kpi.Direction;
import nl.koers.rules.Days;
import nl.koers.rules.Forecast;
import nl.koers.rules.KpiForecastMiss;
import nl.koers.rules.KpiStaleness;
import nl.koers.rules.KpiStatusRule;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Reading;
import nl.koers.rules.Shift;
import nl.koers.rules.Status;
import nl.koers.tracking.signal.Figures;
import nl.koers.tracking.signal.SignalBoard.Detected;

/**
 * What the rules found for a KPI, put as its signals: one sentence a steering committee member reads without the
 * chart, and the same numbers, exact, as evidence.
 */
record KpiSignals(String name, String unit, String cadence, Direction direction, PlanLine plan) {

    /** KPI_OFF_PLAN for the KPI's latest reading, when it is AMBER or RED. */
    Optional<Detected> offPlan(Reading latest) {
        BigDecimal planValue = plan.valueAt(latest.measuredAt());
        BigDecimal deviation = KpiStatusRule.deviation(latest.value(), planValue, direction);
        BigDecimal tolerance = plan.toleranceAt(latest.measuredAt());
        Status status = KpiStatusRule.statusOf(deviation, tolerance);
        return KpiStatusRule.offPlanSeverity(status).map(severity -> {
            String explanation = name + " was " + withUnit(latest.value().toPlainString()) + " on "
                    + Days.dateOf(latest.measuredAt()) + ", " + Figures.show(deviation.negate())
                    + " worse than the plan of " + Figures.show(planValue) + "; "
                    + (status == Status.RED ? "more than twice the tolerance of " : "more than the tolerance of ")
                    + tolerance.toPlainString() + ".";
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("value", latest.value());
            evidence.put("plan", planValue);
            evidence.put("deviation", deviation);
            evidence.put("tolerance", tolerance);
            evidence.put("status", status.name());
            evidence.put("measuredAt", latest.measuredAt().toString());
            evidence.put("readingId", latest.readingId());
            return new Detected(severity, explanation, evidence);
        });
    }

    Detected forecastMiss(KpiForecastMiss miss) {
        Forecast forecast = miss.forecast();
        String reachedOn = forecast.targetReachedOn().map(Object::toString).orElse("never");
        String explanation = "At the rate of its last " + forecast.readingsUsed() + " readings " + name + " would be "
                + withUnit(Figures.show(forecast.valueAtTargetDate())) + " on its target date " + miss.target().date()
                + ", at best " + Figures.show(forecast.favourableBound(direction)) + " (95 % confidence): "
                + Figures.show(miss.shortfallAtBound()) + " short of the target of "
                + miss.target().value().toPlainString() + " with a tolerance of "
                + miss.target().tolerance().toPlainString() + "; "
                + forecast.targetReachedOn().map(date -> "the target would be reached on " + date + ".")
                        .orElse("at this rate the target is never reached.");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("valueAtTarget", forecast.valueAtTargetDate());
        evidence.put("valueAtTargetLow", forecast.valueAtTargetLow());
        evidence.put("valueAtTargetHigh", forecast.valueAtTargetHigh());
        evidence.put("target", miss.target().value());
        evidence.put("targetDate", miss.target().date().toString());
        evidence.put("tolerance", miss.target().tolerance());
        evidence.put("shortfall", miss.shortfall());
        evidence.put("shortfallAtBound", miss.shortfallAtBound());
        evidence.put("targetReachedOn", reachedOn);
        evidence.put("slopePerDay", forecast.slopePerDay());
        evidence.put("readingsUsed", forecast.readingsUsed());
        return new Detected(KpiForecastMiss.SEVERITY, explanation, evidence);
    }

    Detected shift(Shift shift) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rule", shift.rule());
        evidence.put("direction", shift.direction().name());
        evidence.put("statistic", shift.statistic());
        evidence.put("decisionInterval", shift.decisionInterval());
        evidence.put("allowance", shift.allowance());
        evidence.put("mean", shift.mean());
        evidence.put("sigma", shift.sigma());
        evidence.put("readings", shift.readings());
        evidence.put("baselineReadings", shift.baselineReadings());
        evidence.put("xmrCentreLine", shift.xmr().centreLine());
        evidence.put("xmrLowerLimit", shift.xmr().lowerNaturalProcessLimit());
        evidence.put("xmrUpperLimit", shift.xmr().upperNaturalProcessLimit());
        evidence.put("movingRangeLimit", shift.xmr().upperRangeLimit());
        return new Detected(shift.severity(), name + ": " + shift.explanation(), evidence);
    }

    Detected stale(KpiStaleness staleness) {
        String explanation = name + " has had no new reading for " + Figures.show(staleness.daysSince())
                + " days, since " + Days.dateOf(staleness.lastActivityAt()) + "; its cadence " + cadence + " allows "
                + Figures.show(staleness.allowedDays()) + " days.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lastActivityAt", staleness.lastActivityAt().toString());
        evidence.put("daysSince", staleness.daysSince());
        evidence.put("allowedDays", staleness.allowedDays());
        evidence.put("cadence", cadence);
        return new Detected(KpiStaleness.SEVERITY, explanation, evidence);
    }

    private String withUnit(String number) {
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }
}

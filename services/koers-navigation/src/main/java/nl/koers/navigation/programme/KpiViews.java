package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import nl.koers.api.kpi.Direction;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.Forecast;
import nl.koers.rules.KpiStatusRule;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Retarget;
import nl.koers.rules.Status;
import nl.koers.rules.Target;

/**
 * Where a KPI's status, plan value and forecast are decided: rows in, views out, with koers-rules. Today's tables and
 * the as-of fold both come here, so the two ways of reading cannot drift apart.
 */
final class KpiViews {

    private KpiViews() {
    }

    /** The whole KPI at {@code now}: its readings in measured order, forecast and open signals. */
    static KpiView whole(KpiRow kpi, List<KpiView.Retarget> retargets, List<ReadingRow> rows, List<SignalView> open,
                         Instant now) {
        PlanLine plan = kpi.planLine(rules(retargets));
        List<ReadingRow> inOrder = rows.stream().sorted(ReadingRow.MEASURED_ORDER).toList();
        List<ReadingView> readings = inOrder.stream().map(reading -> reading(reading, plan, kpi.direction(), null))
                .toList();
        return view(kpi, plan, latest(inOrder), now, forecast(inOrder, plan, kpi), retargets, readings, open);
    }

    /** The KPI with its latest reading and status, not the whole series. */
    static KpiView summary(KpiRow kpi, List<KpiView.Retarget> retargets, ReadingRow latest, Instant now) {
        return view(kpi, kpi.planLine(rules(retargets)), latest, now, null, null, null, null);
    }

    private static KpiView view(KpiRow kpi, PlanLine plan, ReadingRow latest, Instant now,
                                KpiView.ForecastView forecast, List<KpiView.Retarget> retargets,
                                List<ReadingView> readings, List<SignalView> signals) {
        Target current = plan.currentTarget();
        ReadingView latestView = latest == null ? null : reading(latest, plan, kpi.direction(), null);
        return new KpiView(kpi.programmeId(), kpi.kpiId(), kpi.name(), kpi.unit(), kpi.direction(), kpi.baseline(),
                kpi.baselineDate(), current.value(), current.date(), current.tolerance(), kpi.cadence(),
                kpi.objectiveId(), kpi.lever(), kpi.definedAt(), latestView == null ? Status.NO_DATA : latestView.status(),
                latestView, plan.valueAt(now), forecast, retargets, readings, signals);
    }

    /** One reading against the plan line; {@code versions} only where the reading is asked on its own. */
    static ReadingView reading(ReadingRow row, PlanLine plan, Direction direction, List<ReadingVersion> versions) {
        BigDecimal deviation = KpiStatusRule.deviation(row.rule(), plan, direction);
        return new ReadingView(row.readingId(), row.value(), row.measuredAt(), row.recordedAt(), deviation,
                KpiStatusRule.statusOf(deviation, plan.toleranceAt(row.measuredAt())), row.source(), row.note(),
                row.corrected(), row.retracted(), versions);
    }

    static KpiView.ForecastView forecast(List<ReadingRow> rows, PlanLine plan, KpiRow kpi) {
        return Forecast.of(rows.stream().map(ReadingRow::rule).toList(), plan, kpi.direction(), kpi.cadenceDays())
                .map(forecast -> new KpiView.ForecastView(forecast.valueAtTargetDate(), forecast.valueAtTargetLow(),
                        forecast.valueAtTargetHigh(), forecast.targetReachedOn().orElse(null)))
                .orElse(new KpiView.ForecastView(null, null, null, null));
    }

    /** The reading a KPI's status is judged by: the last in measured order that is not retracted. */
    static ReadingRow latest(Collection<ReadingRow> readings) {
        return readings.stream().filter(reading -> !reading.retracted()).max(ReadingRow.MEASURED_ORDER).orElse(null);
    }

    static List<Retarget> rules(List<KpiView.Retarget> retargets) {
        return retargets.stream()
                .map(retarget -> Retarget.of(retarget.effectiveAt(), retarget.target(), retarget.targetDate(),
                        retarget.tolerance()))
                .toList();
    }
}

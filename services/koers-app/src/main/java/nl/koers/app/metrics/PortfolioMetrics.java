package nl.koers.app.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.signal.SignalState;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.MilestoneView;
import nl.koers.navigation.programme.ProgrammeReader;
import nl.koers.navigation.programme.ProgrammeSummary;
import nl.koers.navigation.signal.OpenTally;
import nl.koers.navigation.signal.SignalReader;
import nl.koers.rules.Health;
import nl.koers.rules.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The portfolio as Prometheus sees it: the current state of every programme, KPI, milestone and open signal, read
 * from the navigation read model every {@code koers.metrics.refresh-interval} (not at each scrape). Labels are ids
 * and enum names only, so the number of series follows the portfolio's size, never free text. Numbers for states:
 * KPI status GREEN 0, AMBER 1, RED 2, no readings −1; health GREEN 0, AMBER 1, RED 2; delivery confidence GREEN 0
 * to RED 4. Moments are Unix timestamps in seconds, durations in seconds (Prometheus' base units).
 */
@Component
class PortfolioMetrics {

    private static final double SECONDS_PER_DAY = 86_400;

    private final ProgrammeReader programmes;
    private final SignalReader signals;

    private final GaugeFamily kpiValue;
    private final GaugeFamily kpiPlanValue;
    private final GaugeFamily kpiTarget;
    private final GaugeFamily kpiStatus;
    private final GaugeFamily kpiLastMeasured;
    private final GaugeFamily kpiForecastValue;
    private final GaugeFamily kpiForecastLow;
    private final GaugeFamily kpiForecastHigh;
    private final GaugeFamily kpiForecastReached;
    private final GaugeFamily milestoneSlip;
    private final GaugeFamily programmeHealth;
    private final GaugeFamily programmeDeliveryConfidence;
    private final GaugeFamily programmeLastEvaluation;
    private final GaugeFamily signalsOpen;
    private final GaugeFamily oldestUnacknowledged;

    PortfolioMetrics(ProgrammeReader programmes, SignalReader signals, MeterRegistry registry) {
        this.programmes = programmes;
        this.signals = signals;
        kpiValue = gauge(registry, "koers.kpi.value", null, "The value of the KPI's latest reading");
        kpiPlanValue = gauge(registry, "koers.kpi.plan.value", null, "The KPI's plan-line value now");
        kpiTarget = gauge(registry, "koers.kpi.target", null, "The target the KPI heads for now");
        kpiStatus = gauge(registry, "koers.kpi.status", null,
                "The KPI's status: GREEN 0, AMBER 1, RED 2, no readings -1");
        kpiLastMeasured = gauge(registry, "koers.kpi.last.measured.timestamp", "seconds",
                "When the KPI's latest reading was measured");
        kpiForecastValue = gauge(registry, "koers.kpi.forecast.value", null,
                "Where the KPI's trend over its last readings puts it on the target date");
        kpiForecastLow = gauge(registry, "koers.kpi.forecast.low", null,
                "The lower one-sided 95 % confidence bound of the KPI's trend on the target date");
        kpiForecastHigh = gauge(registry, "koers.kpi.forecast.high", null,
                "The upper one-sided 95 % confidence bound of the KPI's trend on the target date");
        kpiForecastReached = gauge(registry, "koers.kpi.forecast.target.reached.timestamp", "seconds",
                "When the KPI's trend over its last readings reaches the target");
        milestoneSlip = gauge(registry, "koers.milestone.slip", "seconds",
                "How far the open milestone's forecast lies after its due date (negative when early)");
        programmeHealth = gauge(registry, "koers.programme.health", null,
                "The programme's health, its worst open signal: GREEN 0, AMBER 1, RED 2");
        programmeDeliveryConfidence = gauge(registry, "koers.programme.delivery.confidence", null,
                "The delivery confidence of the programme's latest evaluation: GREEN 0, AMBER_GREEN 1, AMBER 2, AMBER_RED 3, RED 4");
        programmeLastEvaluation = gauge(registry, "koers.programme.last.evaluation.timestamp", "seconds",
                "When the programme's latest evaluation with an outcome was held");
        signalsOpen = gauge(registry, "koers.signals.open", null, "Open course-correction signals");
        oldestUnacknowledged = gauge(registry, "koers.signals.oldest.unacknowledged.timestamp", "seconds",
                "When the oldest signal still waiting for acknowledgement was raised");
    }

    private static GaugeFamily gauge(MeterRegistry registry, String name, String unit, String description) {
        return new GaugeFamily(registry, name, unit, description);
    }

    @Scheduled(fixedDelayString = "${koers.metrics.refresh-interval:PT15S}")
    void refresh() {
        List<KpiView> kpis = programmes.kpis();
        Function<KpiView, Tags> kpiTags = kpi -> Tags.of("programme", kpi.programmeId(), "kpi", kpi.id());
        set(kpiValue, kpis.stream().filter(kpi -> kpi.latestReading() != null).toList(), kpiTags,
                kpi -> kpi.latestReading().value().doubleValue());
        set(kpiPlanValue, kpis, kpiTags, kpi -> kpi.planValueNow().doubleValue());
        set(kpiTarget, kpis, kpiTags, kpi -> kpi.target().doubleValue());
        set(kpiStatus, kpis, kpiTags, kpi -> number(kpi.status()));
        set(kpiLastMeasured, kpis.stream().filter(kpi -> kpi.latestReading() != null).toList(), kpiTags,
                kpi -> seconds(kpi.latestReading().measuredAt()));

        Map<String, KpiView.ForecastView> forecasts = programmes.forecasts();
        Function<Map.Entry<String, KpiView.ForecastView>, Tags> forecastTags = forecast -> {
            String[] key = forecast.getKey().split("/", 2);
            return Tags.of("programme", key[0], "kpi", key[1]);
        };
        set(kpiForecastValue, forecasts.entrySet().stream().filter(forecast -> forecast.getValue().valueAtTarget() != null).toList(),
                forecastTags, forecast -> forecast.getValue().valueAtTarget().doubleValue());
        set(kpiForecastLow, forecasts.entrySet().stream().filter(forecast -> forecast.getValue().valueAtTargetLow() != null).toList(),
                forecastTags, forecast -> forecast.getValue().valueAtTargetLow().doubleValue());
        set(kpiForecastHigh, forecasts.entrySet().stream().filter(forecast -> forecast.getValue().valueAtTargetHigh() != null).toList(),
                forecastTags, forecast -> forecast.getValue().valueAtTargetHigh().doubleValue());
        set(kpiForecastReached, forecasts.entrySet().stream().filter(forecast -> forecast.getValue().targetReachedOn() != null).toList(),
                forecastTags, forecast -> seconds(forecast.getValue().targetReachedOn()));

        List<MilestoneView> open = programmes.milestones().stream()
                .filter(milestone -> milestone.slipDays() != null && milestone.achievedOn() == null && !milestone.cancelled())
                .toList();
        set(milestoneSlip, open, milestone -> Tags.of("programme", milestone.programmeId(), "milestone", milestone.id()),
                milestone -> milestone.slipDays() * SECONDS_PER_DAY);

        List<ProgrammeSummary> portfolio = programmes.programmes(null);
        Function<ProgrammeSummary, Tags> programmeTags = programme -> Tags.of("programme", programme.id());
        set(programmeHealth, portfolio, programmeTags, programme -> number(programme.health()));
        set(programmeDeliveryConfidence, portfolio.stream().filter(programme -> programme.lastDeliveryConfidence() != null).toList(),
                programmeTags, programme -> number(programme.lastDeliveryConfidence()));
        set(programmeLastEvaluation, portfolio.stream().filter(programme -> programme.lastEvaluatedOn() != null).toList(),
                programmeTags, programme -> seconds(programme.lastEvaluatedOn()));

        List<OpenTally> tallies = signals.openTallies();
        set(signalsOpen, tallies, tally -> Tags.of("programme", tally.programmeId(), "type", tally.type().name(),
                "severity", tally.severity().name(), "state", tally.state().name()), OpenTally::count);
        set(oldestUnacknowledged, tallies.stream().filter(tally -> tally.state() == SignalState.OPEN).toList(),
                tally -> Tags.of("programme", tally.programmeId(), "type", tally.type().name(), "severity", tally.severity().name()),
                tally -> seconds(tally.oldestRaisedAt()));
    }

    private static <T> void set(GaugeFamily gauge, List<T> items, Function<T, Tags> tags, ToDoubleFunction<T> value) {
        gauge.set(items.stream().collect(Collectors.toMap(tags, value::applyAsDouble, (first, second) -> second)));
    }

    static double number(Status status) {
        return switch (status) {
            case GREEN -> 0;
            case AMBER -> 1;
            case RED -> 2;
            case NO_DATA -> -1;
        };
    }

    static double number(Health health) {
        return health.ordinal();
    }

    static double number(DeliveryConfidence confidence) {
        return confidence.ordinal();
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private static double seconds(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}

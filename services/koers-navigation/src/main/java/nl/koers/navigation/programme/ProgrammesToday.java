package nl.koers.navigation.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.signal.SignalReader;
import nl.koers.navigation.signal.SignalViews;
import nl.koers.rules.Forecast;
import nl.koers.rules.PlanLine;
import org.springframework.stereotype.Component;

/** Today's views: the projection's tables read into rows and turned into views by the same code as the fold's. */
@Component
class ProgrammesToday {

    private final ProgrammeTables programmes;
    private final KpiTables kpis;
    private final SignalReader signals;
    private final Clock clock;

    ProgrammesToday(ProgrammeTables programmes, KpiTables kpis, SignalReader signals, Clock clock) {
        this.programmes = programmes;
        this.kpis = kpis;
        this.signals = signals;
        this.clock = clock;
    }

    List<ProgrammeSummary> programmes() {
        Map<String, Map<Severity, Integer>> counts = signals.openCountsByProgramme();
        Map<String, EvaluationView.Outcome> lastOutcomes = programmes.lastOutcomes();
        return programmes.programmes().stream()
                .map(row -> ProgrammeViews.summary(row,
                        counts.getOrDefault(row.programmeId(), SignalViews.zeroCounts()),
                        Optional.ofNullable(lastOutcomes.get(row.programmeId()))))
                .toList();
    }

    Optional<ProgrammeView> programme(String programmeId) {
        return programmes.programme(programmeId).map(row -> ProgrammeViews.view(row,
                programmes.objectives(programmeId), kpis(programmeId), programmes.milestones(programmeId, null),
                programmes.evaluations(programmeId, null), signals.openSignals(programmeId)));
    }

    Optional<KpiView> kpi(String programmeId, String kpiId) {
        return kpis.kpi(programmeId, kpiId).map(kpi -> KpiViews.whole(kpi, kpis.retargets(programmeId, kpiId),
                kpis.readings(programmeId, kpiId), signals.openSignals(Subject.kpi(programmeId, kpiId)),
                clock.instant()));
    }

    Optional<ReadingView> reading(String programmeId, String kpiId, String readingId) {
        return kpis.kpi(programmeId, kpiId).flatMap(kpi -> {
            PlanLine plan = kpi.planLine(KpiViews.rules(kpis.retargets(programmeId, kpiId)));
            List<ReadingVersion> versions = kpis.versions(programmeId, kpiId, readingId);
            return kpis.reading(programmeId, kpiId, readingId)
                    .map(reading -> KpiViews.reading(reading, plan, kpi.direction(), versions));
        });
    }

    Optional<MilestoneView> milestone(String programmeId, String milestoneId) {
        return programmes.milestones(programmeId, milestoneId).stream().findFirst();
    }

    Optional<EvaluationView> evaluation(String programmeId, String evaluationId) {
        return programmes.evaluations(programmeId, evaluationId).stream().findFirst();
    }

    /** Each KPI of a programme (all programmes when null) with its latest reading and status, not the whole series. */
    List<KpiView> kpis(String programmeId) {
        Map<String, List<ReadingRow>> latest = kpis.latestReadings(programmeId, 1);
        Map<String, List<KpiView.Retarget>> retargets = kpis.retargetsByKpi(programmeId);
        Instant now = clock.instant();
        return kpis.kpis(programmeId).stream()
                .map(kpi -> KpiViews.summary(kpi, retargets.getOrDefault(kpi.key(), List.of()),
                        KpiViews.latest(latest.getOrDefault(kpi.key(), List.of())), now))
                .toList();
    }

    List<MilestoneView> milestones() {
        return programmes.milestones(null, null);
    }

    /** The forecast of every KPI that has readings, by {@link nl.koers.api.kpi.KpiKey}, from its last readings. */
    Map<String, KpiView.ForecastView> forecasts() {
        Map<String, List<ReadingRow>> lastReadings = kpis.latestReadings(null, Forecast.READINGS);
        Map<String, List<KpiView.Retarget>> retargets = kpis.retargetsByKpi(null);
        return kpis.kpis(null).stream()
                .filter(kpi -> lastReadings.containsKey(kpi.key()))
                .collect(Collectors.toMap(KpiRow::key, kpi -> KpiViews.forecast(
                        lastReadings.get(kpi.key()),
                        kpi.planLine(KpiViews.rules(retargets.getOrDefault(kpi.key(), List.of()))), kpi)));
    }

    /** The KPI's plan line as the tables hold it now. */
    Optional<PlanLine> planLine(String programmeId, String kpiId) {
        return kpis.kpi(programmeId, kpiId)
                .map(kpi -> kpi.planLine(KpiViews.rules(kpis.retargets(programmeId, kpiId))));
    }
}

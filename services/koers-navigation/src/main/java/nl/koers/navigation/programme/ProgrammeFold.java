package nl.koers.navigation.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.kpi.Cadence;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiEvent;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneEvent;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.SignalEvent;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.signal.SignalFold;
import nl.koers.navigation.signal.SignalViews;
import nl.koers.rules.CourseCorrection;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Target;

/**
 * One programme as its events up to some moment leave it: the rows {@link ProgrammeProjection} keeps in its tables,
 * kept in memory instead, turned into views by the same {@link ProgrammeViews} and {@link KpiViews} as today's.
 */
class ProgrammeFold {

    private ProgrammeRow programme;
    private List<Objective> objectives = List.of();
    private final Map<String, Kpi> kpis = new TreeMap<>();
    private final Map<String, MilestoneRow> milestones = new LinkedHashMap<>();
    private final Map<String, List<MilestoneView.Rebaseline>> rebaselines = new LinkedHashMap<>();
    private final Map<String, EvaluationView> evaluations = new LinkedHashMap<>();
    private final SignalFold signals = new SignalFold();
    private final Map<String, Instant> lastEscalation = new LinkedHashMap<>();

    private static final class Kpi {
        private final KpiRow row;
        private final List<KpiView.Retarget> retargets = new ArrayList<>();
        private final Map<String, ReadingRow> readings = new LinkedHashMap<>();

        private Kpi(KpiRow row) {
            this.row = row;
        }

        private PlanLine planLine() {
            return row.planLine(KpiViews.rules(retargets));
        }
    }

    boolean defined() {
        return programme != null;
    }

    ProgrammeView view(Instant now) {
        List<KpiView> kpiViews = kpis.values().stream()
                .map(kpi -> KpiViews.summary(kpi.row, kpi.retargets, KpiViews.latest(kpi.readings.values()), now))
                .toList();
        List<MilestoneView> milestoneViews = milestones.values().stream()
                .map(row -> ProgrammeViews.milestone(row, programme.startDate(),
                        rebaselines.getOrDefault(row.milestoneId(), List.of())))
                .sorted(ProgrammeViews.MILESTONE_ORDER)
                .toList();
        List<EvaluationView> evaluationViews = evaluations.values().stream()
                .sorted(ProgrammeViews.EVALUATION_ORDER)
                .toList();
        return ProgrammeViews.view(programme, objectives, kpiViews, milestoneViews, evaluationViews, signals.open());
    }

    ProgrammeSummary summary() {
        List<EvaluationView> evaluationViews = List.copyOf(evaluations.values());
        return ProgrammeViews.summary(programme, SignalViews.openCounts(signals.open()),
                ProgrammeViews.lastOutcome(evaluationViews));
    }

    KpiView kpi(String kpiId, Instant now) {
        Kpi kpi = kpis.get(kpiId);
        return kpi == null ? null : KpiViews.whole(kpi.row, List.copyOf(kpi.retargets),
                List.copyOf(kpi.readings.values()), signals.open(Subject.kpi(programme.programmeId(), kpiId)), now);
    }

    /** Every KPI whole, with the corners of its plan line, for the steering report's pictures. */
    List<ReportFacts.KpiPicture> pictures(Instant now) {
        return kpis.keySet().stream()
                .map(kpiId -> new ReportFacts.KpiPicture(kpi(kpiId, now), kpis.get(kpiId).planLine().points()))
                .toList();
    }

    /** When each signal was raised or, later, last escalated. */
    Map<String, Instant> lastEscalation() {
        return Map.copyOf(lastEscalation);
    }

    /** The KPI's trend and deviation before and after a decision taken at {@code decidedAt}; null for an unknown KPI. */
    CourseCorrection courseCorrection(String kpiId, Instant decidedAt) {
        Kpi kpi = kpis.get(kpiId);
        if (kpi == null) {
            return null;
        }
        return CourseCorrection.of(kpi.readings.values().stream().map(ReadingRow::rule).toList(), kpi.planLine(),
                kpi.row.direction(), decidedAt);
    }

    void apply(ProgrammeEvent event, Instant at) {
        if (event instanceof SignalEvent signal) {
            signals.apply(signal, at);
            if (signal instanceof SignalRaised e) {
                lastEscalation.put(e.signalId(), at);
            } else if (signal instanceof SignalSeverityChanged e && e.severity().compareTo(e.previousSeverity()) > 0) {
                lastEscalation.put(e.signalId(), at);
            }
        } else if (event instanceof ProgrammeDefined e) {
            programme = new ProgrammeRow(e.programmeId(), e.name(), e.description(), e.owner(), e.startDate(),
                    e.plannedEndDate(), ProgrammeStatus.ACTIVE, at);
            objectives = e.objectives() == null ? List.of() : List.copyOf(e.objectives());
        } else if (event instanceof ProgrammePaused) {
            programme = programme.withStatus(ProgrammeStatus.PAUSED);
        } else if (event instanceof ProgrammeResumed) {
            programme = programme.withStatus(ProgrammeStatus.ACTIVE);
        } else if (event instanceof ProgrammeClosed) {
            programme = programme.withStatus(ProgrammeStatus.CLOSED);
        } else if (event instanceof KpiEvent e) {
            apply(e, at);
        } else if (event instanceof MilestoneEvent e) {
            apply(e, at);
        } else if (event instanceof EvaluationScheduled e) {
            evaluations.put(e.evaluationId(), new EvaluationView(e.programmeId(), e.evaluationId(), e.title(),
                    e.scheduledFor(), null));
        } else if (event instanceof EvaluationOutcomeRecorded e) {
            evaluations.computeIfPresent(e.evaluationId(), (id, v) -> v.withOutcome(new EvaluationView.Outcome(
                    e.heldOn(), e.deliveryConfidence(), e.decision(), e.summary(), e.actions(), e.addressedSignals(),
                    at)));
        }
    }

    private void apply(KpiEvent event, Instant at) {
        if (event instanceof KpiDefined e) {
            kpis.put(e.kpiId(), new Kpi(new KpiRow(e.programmeId(), e.kpiId(), e.name(), e.unit(), e.direction(),
                    e.baseline(), e.baselineDate(), new Target(e.target(), e.targetDate(), e.tolerance()),
                    Cadence.lengthInDays(e.cadence()).orElseThrow(), e.cadence(), e.objectiveId(), e.lever(), at)));
            return;
        }
        Kpi kpi = kpis.get(event.kpiId());
        if (event instanceof KpiRetargeted e) {
            kpi.retargets.add(new KpiView.Retarget(at, e.target(), e.targetDate(), e.tolerance(), e.previousTarget(),
                    e.previousTargetDate(), e.reason()));
        } else if (event instanceof ReadingRecorded e) {
            kpi.readings.put(e.readingId(), new ReadingRow(e.programmeId(), e.kpiId(), e.readingId(), e.value(),
                    e.measuredAt(), at, e.source(), e.note(), false, false));
        } else if (event instanceof ReadingCorrected e) {
            kpi.readings.computeIfPresent(e.readingId(), (id, reading) -> reading.correctedTo(e.value()));
        } else if (event instanceof ReadingRetracted e) {
            kpi.readings.computeIfPresent(e.readingId(), (id, reading) -> reading.asRetracted());
        }
    }

    private void apply(MilestoneEvent event, Instant at) {
        if (event instanceof MilestonePlanned e) {
            milestones.put(e.milestoneId(), MilestoneRow.planned(e.programmeId(), e.milestoneId(), e.title(),
                    e.startDate(), e.dueDate()));
        } else if (event instanceof MilestoneForecastUpdated e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> m.withForecastDate(e.forecastDate()));
        } else if (event instanceof MilestoneRebaselined e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> m.withDueDate(e.dueDate()));
            rebaselines.computeIfAbsent(e.milestoneId(), id -> new ArrayList<>()).add(new MilestoneView.Rebaseline(at,
                    e.previousDueDate(), e.dueDate(), e.reason(), e.approvedBy()));
        } else if (event instanceof MilestoneAchieved e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> m.withAchievedOn(e.achievedOn()));
        } else if (event instanceof MilestoneCancelled e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> m.cancelledBecause(e.reason()));
        }
    }
}

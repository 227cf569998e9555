package nl.koers.navigation.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.kpi.Cadence;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.ReadingCorrected;
import nl.koers.api.kpi.ReadingRecorded;
import nl.koers.api.kpi.ReadingRetracted;
import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestonePlanned;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.ProgrammeClosed;
import nl.koers.api.programme.ProgrammeDefined;
import nl.koers.api.programme.ProgrammePaused;
import nl.koers.api.programme.ProgrammeResumed;
import nl.koers.api.programme.ProgrammeStatus;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.signal.SignalFold;
import nl.koers.rules.CourseCorrection;
import nl.koers.rules.PlanLine;
import nl.koers.rules.Target;

/**
 * One programme as its events up to some moment leave it: the rows {@link ProgrammeProjection} keeps in its tables,
 * kept in memory instead, so {@link ProgrammeQueries} turns them into the same views with the same rules.
 */
class ProgrammeFold {

    private String programmeId;
    private ProgrammeQueries.ProgrammeRow programme;
    private List<Objective> objectives = List.of();
    private final Map<String, Kpi> kpis = new TreeMap<>();
    private final Map<String, ProgrammeQueries.MilestoneRow> milestones = new LinkedHashMap<>();
    private final Map<String, List<MilestoneView.Rebaseline>> rebaselines = new LinkedHashMap<>();
    private final Map<String, EvaluationView> evaluations = new LinkedHashMap<>();
    private final SignalFold signals = new SignalFold();
    private final Map<String, Instant> lastEscalation = new LinkedHashMap<>();

    private static final class Kpi {
        private final ProgrammeQueries.KpiRow row;
        private final List<KpiView.Retarget> retargets = new ArrayList<>();
        private final Map<String, ProgrammeQueries.ReadingRow> readings = new LinkedHashMap<>();

        private Kpi(ProgrammeQueries.KpiRow row) {
            this.row = row;
        }

        private List<ProgrammeQueries.ReadingRow> readings() {
            return readings.values().stream().sorted(ProgrammeQueries.MEASURED_ORDER).toList();
        }
    }

    boolean defined() {
        return programme != null;
    }

    ProgrammeView view(Instant now) {
        List<KpiView> kpiViews = kpis.values().stream().map(kpi -> {
            PlanLine plan = kpi.row.planLine(ProgrammeQueries.rules(kpi.retargets));
            ProgrammeQueries.ReadingRow latest = ProgrammeQueries.latest(kpi.readings.values());
            return kpi.row.view(plan, latest == null ? null : latest.view(plan, kpi.row.direction(), null), now,
                    null, null, null, null);
        }).toList();
        List<MilestoneView> milestoneViews = milestones.values().stream()
                .map(row -> ProgrammeQueries.milestone(row, programme.startDate(),
                        rebaselines.getOrDefault(row.milestoneId(), List.of())))
                .sorted(Comparator.comparing(MilestoneView::dueDate).thenComparing(MilestoneView::id))
                .toList();
        List<EvaluationView> evaluationViews = evaluations.values().stream()
                .sorted(Comparator.comparing(EvaluationView::scheduledFor).thenComparing(EvaluationView::id))
                .toList();
        return ProgrammeQueries.view(programmeId, programme, objectives, kpiViews, milestoneViews, evaluationViews,
                signals.open());
    }

    ProgrammeSummary summary(Instant now) {
        ProgrammeView view = view(now);
        return new ProgrammeSummary(view.id(), view.name(), view.owner(), view.status(), view.startDate(),
                view.plannedEndDate(), view.health(), view.lastDeliveryConfidence(),
                ProgrammeQueries.lastOutcome(view.evaluations()).map(EvaluationView.Outcome::heldOn).orElse(null),
                view.openSignals());
    }

    KpiView kpi(String kpiId, Instant now) {
        Kpi kpi = kpis.get(kpiId);
        return kpi == null ? null : ProgrammeQueries.view(kpi.row, List.copyOf(kpi.retargets), kpi.readings(),
                signals.open(Subject.kpi(programmeId, kpiId)), now);
    }

    /** Every KPI whole, with the corners of its plan line, for the steering report's pictures. */
    List<ReportFacts.KpiPicture> pictures(Instant now) {
        return kpis.keySet().stream().map(kpiId -> new ReportFacts.KpiPicture(kpi(kpiId, now),
                kpis.get(kpiId).row.planLine(ProgrammeQueries.rules(kpis.get(kpiId).retargets)).points())).toList();
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
        return CourseCorrection.of(kpi.readings.values().stream().map(ProgrammeQueries.ReadingRow::rule).toList(),
                kpi.row.planLine(ProgrammeQueries.rules(kpi.retargets)), kpi.row.direction(), decidedAt);
    }

    void apply(ProgrammeEvent event, Instant at) {
        signals.apply(event, at);
        if (event instanceof SignalRaised e) {
            lastEscalation.put(e.signalId(), at);
        } else if (event instanceof SignalSeverityChanged e && e.severity().compareTo(e.previousSeverity()) > 0) {
            lastEscalation.put(e.signalId(), at);
        }
        if (event instanceof ProgrammeDefined e) {
            programmeId = e.programmeId();
            programme = new ProgrammeQueries.ProgrammeRow(e.name(), e.description(), e.owner(), e.startDate(),
                    e.plannedEndDate(), ProgrammeStatus.ACTIVE, at);
            objectives = e.objectives() == null ? List.of() : List.copyOf(e.objectives());
        } else if (event instanceof ProgrammePaused) {
            status(ProgrammeStatus.PAUSED);
        } else if (event instanceof ProgrammeResumed) {
            status(ProgrammeStatus.ACTIVE);
        } else if (event instanceof ProgrammeClosed) {
            status(ProgrammeStatus.CLOSED);
        } else if (event instanceof KpiDefined e) {
            kpis.put(e.kpiId(), new Kpi(new ProgrammeQueries.KpiRow(e.programmeId(), e.kpiId(), e.name(), e.unit(),
                    e.direction(), e.baseline(), e.baselineDate(), new Target(e.target(), e.targetDate(), e.tolerance()),
                    Cadence.lengthInDays(e.cadence()).orElseThrow(), e.cadence(), e.objectiveId(), e.lever(), at)));
        } else if (event instanceof KpiRetargeted e) {
            kpis.get(e.kpiId()).retargets.add(new KpiView.Retarget(at, e.target(), e.targetDate(), e.tolerance(),
                    e.previousTarget(), e.previousTargetDate(), e.reason()));
        } else if (event instanceof ReadingRecorded e) {
            kpis.get(e.kpiId()).readings.put(e.readingId(), new ProgrammeQueries.ReadingRow(e.programmeId(), e.kpiId(),
                    e.readingId(), e.value(), e.measuredAt(), at, e.source(), e.note(), false, false));
        } else if (event instanceof ReadingCorrected e) {
            reading(e.kpiId(), e.readingId(), e.value(), true, null);
        } else if (event instanceof ReadingRetracted e) {
            reading(e.kpiId(), e.readingId(), null, null, true);
        } else if (event instanceof MilestonePlanned e) {
            milestones.put(e.milestoneId(), new ProgrammeQueries.MilestoneRow(e.programmeId(), e.milestoneId(), e.title(),
                    e.dueDate(), e.dueDate(), null, null, false, null, e.startDate()));
        } else if (event instanceof MilestoneForecastUpdated e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> new ProgrammeQueries.MilestoneRow(m.programmeId(), id,
                    m.title(), m.dueDate(), m.originalDueDate(), e.forecastDate(), m.achievedOn(), m.cancelled(),
                    m.cancelReason(), m.startDate()));
        } else if (event instanceof MilestoneRebaselined e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> new ProgrammeQueries.MilestoneRow(m.programmeId(), id,
                    m.title(), e.dueDate(), m.originalDueDate(), m.forecastDate(), m.achievedOn(), m.cancelled(),
                    m.cancelReason(), m.startDate()));
            rebaselines.computeIfAbsent(e.milestoneId(), id -> new ArrayList<>()).add(new MilestoneView.Rebaseline(at,
                    e.previousDueDate(), e.dueDate(), e.reason(), e.approvedBy()));
        } else if (event instanceof MilestoneAchieved e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> new ProgrammeQueries.MilestoneRow(m.programmeId(), id,
                    m.title(), m.dueDate(), m.originalDueDate(), m.forecastDate(), e.achievedOn(), m.cancelled(),
                    m.cancelReason(), m.startDate()));
        } else if (event instanceof MilestoneCancelled e) {
            milestones.computeIfPresent(e.milestoneId(), (id, m) -> new ProgrammeQueries.MilestoneRow(m.programmeId(), id,
                    m.title(), m.dueDate(), m.originalDueDate(), m.forecastDate(), m.achievedOn(), true, e.reason(),
                    m.startDate()));
        } else if (event instanceof EvaluationScheduled e) {
            evaluations.put(e.evaluationId(), new EvaluationView(e.programmeId(), e.evaluationId(), e.title(),
                    e.scheduledFor(), null));
        } else if (event instanceof EvaluationOutcomeRecorded e) {
            evaluations.computeIfPresent(e.evaluationId(), (id, v) -> new EvaluationView(v.programmeId(), id, v.title(),
                    v.scheduledFor(), new EvaluationView.Outcome(e.heldOn(), e.deliveryConfidence(), e.decision(),
                    e.summary(), e.actions(), e.addressedSignals(), at)));
        }
    }

    private void status(ProgrammeStatus status) {
        programme = new ProgrammeQueries.ProgrammeRow(programme.name(), programme.description(), programme.owner(),
                programme.startDate(), programme.plannedEndDate(), status, programme.definedAt());
    }

    private void reading(String kpiId, String readingId, BigDecimal correctedValue, Boolean corrected, Boolean retracted) {
        kpis.get(kpiId).readings.computeIfPresent(readingId, (id, r) -> new ProgrammeQueries.ReadingRow(r.programmeId(),
                r.kpiId(), id, correctedValue == null ? r.value() : correctedValue, r.measuredAt(), r.recordedAt(),
                r.source(), r.note(), corrected == null ? r.corrected() : corrected,
                retracted == null ? r.retracted() : retracted));
    }
}

package nl.koers.navigation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.Decision;
import nl.koers.api.evaluation.DeliveryConfidence;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.KpiDefined;
import nl.koers.api.kpi.KpiRetargeted;
import nl.koers.api.kpi.Lever;
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
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.api.signal.SignalType;
import nl.koers.api.signal.Subject;

/**
 * One event of every type about one small programme ({@value #PROGRAMME}: KPI {@value #KPI} with reading
 * {@value #READING}, milestone {@value #MILESTONE}, evaluation {@value #EVALUATION}, one KPI signal), and for each
 * the events that must come before it. A new event type needs a sample here: the event coverage test asks for it.
 */
public final class SampleEvents {

    public static final String PROGRAMME = "permits";
    public static final String KPI = "adoption";
    public static final String READING = "w10";
    public static final String MILESTONE = "pilot";
    public static final String EVALUATION = "q1";
    public static final Subject SIGNAL_SUBJECT = Subject.kpi(PROGRAMME, KPI);
    public static final String SIGNAL = SignalId.of(SIGNAL_SUBJECT, SignalType.KPI_OFF_PLAN, 1).toString();
    /** When the samples are folded: after every date in them. */
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    public static final ProgrammeDefined DEFINED = new ProgrammeDefined(PROGRAMME, "Digital permits", "Faster permits",
            "Programme office", LocalDate.parse("2026-01-01"), LocalDate.parse("2027-06-30"),
            List.of(new Objective("faster", "Permits decided within 4 weeks")));
    public static final KpiDefined KPI_DEFINED = new KpiDefined(PROGRAMME, KPI, "Adoption", "%",
            Direction.HIGHER_IS_BETTER, new BigDecimal("10"), LocalDate.parse("2026-01-01"), new BigDecimal("80"),
            LocalDate.parse("2026-12-31"), new BigDecimal("5"), "P1W", "faster", Lever.PROCESS);
    public static final ReadingRecorded RECORDED = new ReadingRecorded(PROGRAMME, KPI, READING, new BigDecimal("11"),
            Instant.parse("2026-03-01T00:00:00Z"), "export", null);
    public static final MilestonePlanned PLANNED = new MilestonePlanned(PROGRAMME, MILESTONE, "Pilot",
            LocalDate.parse("2026-06-01"));
    public static final EvaluationScheduled SCHEDULED = new EvaluationScheduled(PROGRAMME, EVALUATION,
            "Quarterly review", LocalDate.parse("2026-04-01"));
    public static final SignalRaised RAISED = new SignalRaised(PROGRAMME, SIGNAL, SignalType.KPI_OFF_PLAN,
            SIGNAL_SUBJECT, Severity.CRITICAL, "11 is 10.35 below plan", Map.of("value", 11));
    public static final ProgrammePaused PAUSED = new ProgrammePaused(PROGRAMME, "budget review");

    private static final Map<Class<? extends ProgrammeEvent>, ProgrammeEvent> SAMPLES = new LinkedHashMap<>();

    static {
        add(DEFINED);
        add(PAUSED);
        add(new ProgrammeResumed(PROGRAMME, "budget approved"));
        add(new ProgrammeClosed(PROGRAMME, "delivered"));
        add(KPI_DEFINED);
        add(new KpiRetargeted(PROGRAMME, KPI, new BigDecimal("70"), LocalDate.parse("2027-03-31"), new BigDecimal("5"),
                new BigDecimal("80"), LocalDate.parse("2026-12-31"), "scope cut"));
        add(RECORDED);
        add(new ReadingCorrected(PROGRAMME, KPI, READING, new BigDecimal("20"), new BigDecimal("11"),
                "the export missed a region"));
        add(new ReadingRetracted(PROGRAMME, KPI, READING, "measured twice"));
        add(PLANNED);
        add(new MilestoneForecastUpdated(PROGRAMME, MILESTONE, LocalDate.parse("2026-06-15"), null, "supplier late"));
        add(new MilestoneRebaselined(PROGRAMME, MILESTONE, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-06-01"),
                "supplier late", "SC"));
        add(new MilestoneAchieved(PROGRAMME, MILESTONE, LocalDate.parse("2026-05-28")));
        add(new MilestoneCancelled(PROGRAMME, MILESTONE, "no longer needed"));
        add(SCHEDULED);
        add(new EvaluationOutcomeRecorded(PROGRAMME, EVALUATION, LocalDate.parse("2026-04-02"),
                DeliveryConfidence.AMBER, Decision.ADJUST, "Second intake team",
                List.of(new Action("Hire a second intake team", "PMO", LocalDate.parse("2026-05-01"))), List.of(SIGNAL)));
        add(RAISED);
        add(new SignalSeverityChanged(PROGRAMME, SIGNAL, SignalType.KPI_OFF_PLAN, SIGNAL_SUBJECT, Severity.CRITICAL,
                Severity.WARNING, "20 is 1.35 below plan", Map.of("value", 20)));
        add(new SignalEvidenceUpdated(PROGRAMME, SIGNAL, SignalType.KPI_OFF_PLAN, SIGNAL_SUBJECT, Severity.CRITICAL,
                "12 is 9.35 below plan", Map.of("value", 12)));
        add(new SignalAcknowledged(PROGRAMME, SIGNAL, "Steering committee", "second intake team"));
        add(new SignalCleared(PROGRAMME, SIGNAL, SignalType.KPI_OFF_PLAN, SIGNAL_SUBJECT, "back on plan"));
    }

    private SampleEvents() {
    }

    private static void add(ProgrammeEvent event) {
        SAMPLES.put(event.getClass(), event);
    }

    /** The event types there is a sample of. */
    public static List<Class<? extends ProgrammeEvent>> types() {
        return List.copyOf(SAMPLES.keySet());
    }

    public static ProgrammeEvent of(Class<? extends ProgrammeEvent> type) {
        ProgrammeEvent sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("No sample of " + type.getName() + ": add one to SampleEvents");
        }
        return sample;
    }

    /** The events that must have happened before the sample of {@code type} means anything, in order. */
    public static List<ProgrammeEvent> before(Class<? extends ProgrammeEvent> type) {
        List<ProgrammeEvent> before = new ArrayList<>();
        if (type == ProgrammeDefined.class) {
            return before;
        }
        before.add(DEFINED);
        ProgrammeEvent sample = of(type);
        if (type == ProgrammeResumed.class) {
            before.add(PAUSED);
        } else if (sample instanceof nl.koers.api.kpi.KpiEvent && type != KpiDefined.class) {
            before.add(KPI_DEFINED);
            if (type == ReadingCorrected.class || type == ReadingRetracted.class) {
                before.add(RECORDED);
            }
        } else if (sample instanceof nl.koers.api.milestone.MilestoneEvent && type != MilestonePlanned.class) {
            before.add(PLANNED);
        } else if (type == EvaluationOutcomeRecorded.class) {
            before.add(SCHEDULED);
        } else if (sample instanceof nl.koers.api.signal.SignalEvent && type != SignalRaised.class) {
            before.add(RAISED);
        }
        return before;
    }
}

package nl.koers.navigation.history;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.evaluation.EvaluationOutcomeRecorded;
import nl.koers.api.evaluation.EvaluationScheduled;
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
import nl.koers.api.signal.SignalAcknowledged;
import nl.koers.api.signal.SignalCleared;
import nl.koers.api.signal.SignalEvidenceUpdated;
import nl.koers.api.signal.SignalRaised;
import nl.koers.api.signal.SignalSeverityChanged;

/** What an event in the history is about: the programme itself, one of its KPIs, milestones, evaluations or signals. */
public record HistorySubject(Kind kind, String id) {

    public enum Kind {
        PROGRAMME, KPI, MILESTONE, EVALUATION, SIGNAL
    }

    public static HistorySubject of(ProgrammeEvent event) {
        if (event instanceof KpiDefined e) {
            return new HistorySubject(Kind.KPI, e.kpiId());
        } else if (event instanceof KpiRetargeted e) {
            return new HistorySubject(Kind.KPI, e.kpiId());
        } else if (event instanceof ReadingRecorded e) {
            return new HistorySubject(Kind.KPI, e.kpiId());
        } else if (event instanceof ReadingCorrected e) {
            return new HistorySubject(Kind.KPI, e.kpiId());
        } else if (event instanceof ReadingRetracted e) {
            return new HistorySubject(Kind.KPI, e.kpiId());
        } else if (event instanceof MilestonePlanned e) {
            return new HistorySubject(Kind.MILESTONE, e.milestoneId());
        } else if (event instanceof MilestoneForecastUpdated e) {
            return new HistorySubject(Kind.MILESTONE, e.milestoneId());
        } else if (event instanceof MilestoneRebaselined e) {
            return new HistorySubject(Kind.MILESTONE, e.milestoneId());
        } else if (event instanceof MilestoneAchieved e) {
            return new HistorySubject(Kind.MILESTONE, e.milestoneId());
        } else if (event instanceof MilestoneCancelled e) {
            return new HistorySubject(Kind.MILESTONE, e.milestoneId());
        } else if (event instanceof EvaluationScheduled e) {
            return new HistorySubject(Kind.EVALUATION, e.evaluationId());
        } else if (event instanceof EvaluationOutcomeRecorded e) {
            return new HistorySubject(Kind.EVALUATION, e.evaluationId());
        } else if (event instanceof SignalRaised e) {
            return new HistorySubject(Kind.SIGNAL, e.signalId());
        } else if (event instanceof SignalSeverityChanged e) {
            return new HistorySubject(Kind.SIGNAL, e.signalId());
        } else if (event instanceof SignalEvidenceUpdated e) {
            return new HistorySubject(Kind.SIGNAL, e.signalId());
        } else if (event instanceof SignalAcknowledged e) {
            return new HistorySubject(Kind.SIGNAL, e.signalId());
        } else if (event instanceof SignalCleared e) {
            return new HistorySubject(Kind.SIGNAL, e.signalId());
        }
        return new HistorySubject(Kind.PROGRAMME, event.programmeId());
    }
}

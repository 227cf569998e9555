package nl.koers.navigation.history;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.evaluation.EvaluationEvent;
import nl.koers.api.kpi.KpiEvent;
import nl.koers.api.milestone.MilestoneEvent;
import nl.koers.api.programme.ProgrammeLifecycleEvent;
import nl.koers.api.signal.SignalEvent;

/** What an event in the history is about: the programme itself, one of its KPIs, milestones, evaluations or signals. */
public record HistorySubject(Kind kind, String id) {

    public enum Kind {
        PROGRAMME, KPI, MILESTONE, EVALUATION, SIGNAL
    }

    /** By the event's group in koers-api; an event in none of them is a mistake, not a programme event. */
    public static HistorySubject of(ProgrammeEvent event) {
        if (event instanceof KpiEvent e) {
            return new HistorySubject(Kind.KPI, e.kpiId());
        } else if (event instanceof MilestoneEvent e) {
            return new HistorySubject(Kind.MILESTONE, e.milestoneId());
        } else if (event instanceof EvaluationEvent e) {
            return new HistorySubject(Kind.EVALUATION, e.evaluationId());
        } else if (event instanceof SignalEvent e) {
            return new HistorySubject(Kind.SIGNAL, e.signalId());
        } else if (event instanceof ProgrammeLifecycleEvent e) {
            return new HistorySubject(Kind.PROGRAMME, e.programmeId());
        }
        throw new IllegalArgumentException("An event about no subject the history knows: " + event.getClass().getName());
    }
}

package nl.koers.navigation.programme;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.koers.rules.PlanLine;

/**
 * What a steering report shows of a programme as of a moment, folded from its events once: the programme, each KPI
 * whole (readings, forecast) with the corners of its plan line, the follow-up of its ADJUST decisions, and for each
 * signal when it last became more severe (when it was raised, or its latest escalation).
 */
public record ReportFacts(
        ProgrammeView programme,
        List<KpiPicture> kpis,
        List<DecisionFollowUp> followUps,
        Map<String, Instant> lastEscalation) {

    /** A KPI with its readings and forecast, and its plan line to draw: corners with the tolerance from each. */
    public record KpiPicture(KpiView kpi, List<PlanLine.Point> plan) {
    }
}

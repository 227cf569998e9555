package nl.koers.navigation.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The programme views, today's or as they were known at a past moment: callers pass the moment they were asked for
 * ({@code asOf}, null for now) and never choose between today's tables and the fold of the history themselves.
 */
@Component
public class ProgrammeReader {

    private final ProgrammesToday today;
    private final ProgrammesAsOf history;
    private final Clock clock;

    ProgrammeReader(ProgrammesToday today, ProgrammesAsOf history, Clock clock) {
        this.today = today;
        this.history = history;
        this.clock = clock;
    }

    public List<ProgrammeSummary> programmes(Instant asOf) {
        return asOf == null ? today.programmes() : history.programmes(asOf);
    }

    public Optional<ProgrammeView> programme(String programmeId, Instant asOf) {
        return asOf == null ? today.programme(programmeId) : history.programme(programmeId, asOf);
    }

    public Optional<KpiView> kpi(String programmeId, String kpiId, Instant asOf) {
        return asOf == null ? today.kpi(programmeId, kpiId) : history.kpi(programmeId, kpiId, asOf);
    }

    /** One reading with all its versions, as it is now. */
    public Optional<ReadingView> reading(String programmeId, String kpiId, String readingId) {
        return today.reading(programmeId, kpiId, readingId);
    }

    public Optional<MilestoneView> milestone(String programmeId, String milestoneId, Instant asOf) {
        return asOf == null ? today.milestone(programmeId, milestoneId)
                : history.milestone(programmeId, milestoneId, asOf);
    }

    public Optional<EvaluationView> evaluation(String programmeId, String evaluationId, Instant asOf) {
        return asOf == null ? today.evaluation(programmeId, evaluationId)
                : history.evaluation(programmeId, evaluationId, asOf);
    }

    /** Every ADJUST decision with the follow-up of the KPIs it addressed; always folded, now when {@code asOf} is null. */
    public Optional<List<DecisionFollowUp>> followUps(String programmeId, Instant asOf) {
        return history.followUps(programmeId, asOf == null ? clock.instant() : asOf);
    }

    /** What the steering report shows as of {@code asOf}, from one reading of the programme's events. */
    public Optional<ReportFacts> report(String programmeId, Instant asOf) {
        return history.report(programmeId, asOf);
    }

    /** Every KPI of the portfolio now with its latest reading and status, as {@link #programme} shows them. */
    public List<KpiView> kpis() {
        return today.kpis(null);
    }

    /** Every milestone of the portfolio now, as {@link #programme} shows them. */
    public List<MilestoneView> milestones() {
        return today.milestones();
    }

    /** The forecast now of every KPI of the portfolio that has readings, by {@link nl.koers.api.kpi.KpiKey}. */
    public Map<String, KpiView.ForecastView> forecasts() {
        return today.forecasts();
    }
}

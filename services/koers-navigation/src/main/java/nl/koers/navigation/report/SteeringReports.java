package nl.koers.navigation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import nl.koers.api.signal.Severity;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.history.Changes;
import nl.koers.navigation.history.HistoryEntry;
import nl.koers.navigation.history.HistoryQueries;
import nl.koers.navigation.programme.AsOfQueries;
import nl.koers.navigation.programme.DecisionFollowUp;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.MilestoneView;
import nl.koers.navigation.programme.ProgrammeView;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.CourseCorrection;
import org.springframework.stereotype.Component;

/**
 * The steering report of a programme as of a moment, with what changed since the previous one: health and delivery
 * confidence, KPIs against plan, milestones and their movements, signals, decisions and their follow-up. Everything
 * comes from the as-of views and the history, so a report for a past moment always reads the same.
 */
@Component
public class SteeringReports {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() { };

    private final AsOfQueries asOf;
    private final HistoryQueries history;
    private final JsonText json;

    public SteeringReports(AsOfQueries asOf, HistoryQueries history, JsonText json) {
        this.asOf = asOf;
        this.history = history;
        this.json = json;
    }

    /**
     * The report as of {@code at}; {@code since} defaults to when the last evaluation outcome before {@code at} was
     * recorded (the previous meeting), else to the programme's definition. Empty for a programme unknown then.
     */
    public Optional<Document> report(String programmeId, Instant at, Instant since) {
        return asOf.programme(programmeId, at).map(programme -> {
            Instant from = since != null ? since : previousMeeting(programme);
            Changes changes = history.changesThrough(programmeId, from, at);
            List<DecisionFollowUp> followUps = asOf.followUps(programmeId, at).orElseThrow();
            Document document = new Document()
                    .heading(1, "Steering report: " + programme.name())
                    .paragraph("Programme " + programme.id() + " as known on " + moment(at) + "; changes since "
                            + moment(from) + ".");
            health(document, programme);
            kpis(document, programme, changes);
            milestones(document, programme, changes);
            signals(document, programme, changes);
            decisions(document, programme, changes, followUps);
            return document;
        });
    }

    private static Instant previousMeeting(ProgrammeView programme) {
        return programme.evaluations().stream().map(EvaluationView::outcome).filter(Objects::nonNull)
                .map(EvaluationView.Outcome::recordedAt).max(Instant::compareTo).orElse(programme.definedAt());
    }

    private static void health(Document document, ProgrammeView programme) {
        Map<Severity, Integer> open = programme.openSignals();
        document.heading(2, "Health and delivery confidence").table(List.of("Aspect", "Value"), List.of(
                List.of("Status", programme.status().name()),
                List.of("Health", programme.health().name()),
                List.of("Last delivery confidence", text(programme.lastDeliveryConfidence())),
                List.of("Open signals", open.get(Severity.CRITICAL) + " critical, " + open.get(Severity.WARNING)
                        + " warning, " + open.get(Severity.INFO) + " info")));
    }

    private void kpis(Document document, ProgrammeView programme, Changes changes) {
        document.heading(2, "KPIs against plan").table(
                List.of("KPI", "Status", "Latest reading", "Measured", "Deviation", "Plan now", "Target"),
                programme.kpis().stream().map(kpi -> List.of(kpi.name() + " (" + kpi.unit() + ")", kpi.status().name(),
                        kpi.latestReading() == null ? "-" : number(kpi.latestReading().value()),
                        kpi.latestReading() == null ? "-" : moment(kpi.latestReading().measuredAt()),
                        kpi.latestReading() == null ? "-" : number(kpi.latestReading().deviation()),
                        number(kpi.planValueNow()), number(kpi.target()) + " by " + kpi.targetDate())).toList());
        document.heading(3, "Readings since").paragraph(changes.readings().size() + " recorded.");
        document.heading(3, "Corrections and retractions since").bullets(changes.correctionsAndRetractions().stream()
                .map(entry -> {
                    Map<String, Object> data = data(entry);
                    String what = "ReadingCorrected".equals(entry.type())
                            ? "corrected from " + data.get("previousValue") + " to " + data.get("value")
                            : "retracted";
                    return moment(entry.recordedAt()) + ": reading " + data.get("readingId") + " of " + data.get("kpiId")
                            + " " + what + " (" + data.get("reason") + "), by " + entry.actor();
                }).toList());
    }

    private void milestones(Document document, ProgrammeView programme, Changes changes) {
        document.heading(2, "Milestones").table(
                List.of("Milestone", "Due", "Originally due", "Forecast", "Slip (days)", "State"),
                programme.milestones().stream().map(milestone -> List.of(milestone.title(), text(milestone.dueDate()),
                        text(milestone.originalDueDate()), text(milestone.forecastDate()), text(milestone.slipDays()),
                        state(milestone))).toList());
        document.heading(3, "Movements since").bullets(changes.milestoneMoves().stream().map(entry -> {
            Map<String, Object> data = data(entry);
            String what = switch (entry.type()) {
                case "MilestoneRebaselined" -> "re-baselined from " + data.get("previousDueDate") + " to "
                        + data.get("dueDate") + " (" + data.get("reason") + "; approved by " + data.get("approvedBy") + ")";
                case "MilestoneForecastUpdated" -> "forecast moved from " + orNone(data.get("previousForecastDate"))
                        + " to " + data.get("forecastDate") + (data.get("reason") == null ? "" : " (" + data.get("reason") + ")");
                case "MilestoneAchieved" -> "achieved on " + data.get("achievedOn");
                default -> "cancelled (" + data.get("reason") + ")";
            };
            return moment(entry.recordedAt()) + ": " + data.get("milestoneId") + " " + what + ", by " + entry.actor();
        }).toList());
    }

    private void signals(Document document, ProgrammeView programme, Changes changes) {
        document.heading(2, "Signals").heading(3, "Open").table(
                List.of("Signal", "Subject", "Severity", "State", "Raised", "Explanation"),
                programme.signals().stream().map(signal -> List.of(signal.type().name(),
                        signal.subject().kind().name().toLowerCase() + " " + signal.subject().id(),
                        signal.severity().name(), signal.state().name(), moment(signal.raisedAt()),
                        signal.explanation())).toList());
        signalChanges(document, "Raised since", changes.signals().raised(),
                data -> data.get("severity") + " " + data.get("type") + ": " + data.get("explanation"));
        signalChanges(document, "Escalated since", changes.signals().escalated(),
                data -> data.get("type") + " to " + data.get("severity") + ": " + data.get("explanation"));
        signalChanges(document, "Updated since", changes.signals().updated(),
                data -> data.get("type") + " (" + data.get("signalId") + "): " + data.get("explanation"));
        signalChanges(document, "Acknowledged since", changes.signals().acknowledged(),
                data -> data.get("signalId") + " by " + data.get("by") + ": " + data.get("note"));
        signalChanges(document, "Cleared since", changes.signals().cleared(),
                data -> data.get("type") + " (" + data.get("signalId") + "): " + data.get("explanation"));
    }

    private void signalChanges(Document document, String title, List<HistoryEntry> entries,
                               Function<Map<String, Object>, String> describe) {
        document.heading(3, title).bullets(entries.stream()
                .map(entry -> moment(entry.recordedAt()) + ": " + describe.apply(data(entry))).toList());
    }

    private static void decisions(Document document, ProgrammeView programme, Changes changes,
                                  List<DecisionFollowUp> followUps) {
        List<String> newDecisions = changes.decisions().stream().map(entry -> entry.subject().id()).toList();
        document.heading(2, "Decisions and their follow-up").table(
                List.of("Evaluation", "Held on", "Delivery confidence", "Decision", "Summary", "New"),
                programme.evaluations().stream().filter(evaluation -> evaluation.outcome() != null)
                        .map(evaluation -> List.of(evaluation.title(), text(evaluation.outcome().heldOn()),
                                evaluation.outcome().deliveryConfidence().name(), evaluation.outcome().decision().name(),
                                evaluation.outcome().summary(), newDecisions.contains(evaluation.id()) ? "yes" : ""))
                        .toList());
        for (DecisionFollowUp followUp : followUps) {
            EvaluationView evaluation = followUp.evaluation();
            document.heading(3, "Follow-up of " + evaluation.title() + " (ADJUST on " + evaluation.outcome().heldOn() + ")")
                    .table(List.of("KPI", "Trend before (per week)", "Trend since (per week)", "Deviation before",
                                    "Deviation now", "Toward plan"),
                            followUp.kpis().stream().map(kpi -> {
                                CourseCorrection c = kpi.correction();
                                return List.of(kpi.name(), number(c.slopePerWeekBefore()), number(c.slopePerWeekAfter()),
                                        number(c.deviationBefore()), number(c.deviationAfter()),
                                        c.movedTowardPlan() == null ? "not yet known" : c.movedTowardPlan() ? "yes" : "no");
                            }).toList());
            if (!evaluation.outcome().actions().isEmpty()) {
                document.table(List.of("Action", "Owner", "Due"), evaluation.outcome().actions().stream()
                        .map(action -> List.of(action.description(), action.owner(), text(action.dueDate()))).toList());
            }
        }
    }

    private Map<String, Object> data(HistoryEntry entry) {
        return json.read(entry.data().text(), FIELDS);
    }

    private static String state(MilestoneView milestone) {
        if (milestone.cancelled()) {
            return "cancelled";
        }
        return milestone.achievedOn() == null ? "open" : "achieved " + milestone.achievedOn();
    }

    private static String moment(Instant instant) {
        return MOMENT.format(instant);
    }

    private static String number(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static Object orNone(Object value) {
        return value == null ? "none" : value;
    }
}

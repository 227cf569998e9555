package nl.koers.navigation.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import nl.koers.navigation.JsonText;
import nl.koers.navigation.history.HistoryTables;
import nl.koers.navigation.programme.ProgrammeReader;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/**
 * The steering report of a programme as of a moment, in the reader's language, in the order a committee reads it:
 * the headline (health beside delivery confidence, what changed since the last meeting, the decisions due), then
 * what needs a decision, then KPIs, milestones, the other signals and the decisions with their follow-up.
 * Everything comes from the as-of views and the history, so a report for a past moment always reads the same.
 */
@Component
public class SteeringReports {

    private final ProgrammeReader programmes;
    private final HistoryTables history;
    private final JsonText json;

    public SteeringReports(ProgrammeReader programmes, HistoryTables history, JsonText json) {
        this.programmes = programmes;
        this.history = history;
        this.json = json;
    }

    /**
     * The report as of {@code at}; {@code since} defaults to when the last evaluation outcome before {@code at} was
     * recorded (the previous meeting), else to the programme's definition. Empty for a programme unknown then.
     */
    public Optional<Document> report(String programmeId, Instant at, Instant since, Language language) {
        return programmes.report(programmeId, at).map(facts -> {
            Instant from = since != null ? since : previousMeeting(facts.programme());
            Words words = new Words(language);
            ReportContext report = new ReportContext(facts, history.changesThrough(programmeId, from, at), at, words,
                    json);
            ProgrammeView programme = facts.programme();
            Document document = new Document(words)
                    .heading(1, words.text("report.title", programme.name()))
                    .paragraph(words.text("report.asOf", programme.id(), words.moment(at), words.moment(from)));
            HeadlineSection.write(document, report);
            AttentionSection.write(document, report);
            KpiSection.write(document, report);
            MilestoneSection.write(document, report);
            SignalSection.write(document, report);
            DecisionSection.write(document, report);
            return document;
        });
    }

    private static Instant previousMeeting(ProgrammeView programme) {
        return programme.evaluations().stream().map(EvaluationView::outcome).filter(Objects::nonNull)
                .map(EvaluationView.Outcome::recordedAt).max(Instant::compareTo).orElse(programme.definedAt());
    }
}

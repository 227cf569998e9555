package nl.koers.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * The steering report for a fixed history, compared with a golden file
 * ({@code src/test/resources/reports/steering-report.md}); a differing report is written to
 * {@code target/steering-report.md} to compare and, when the change is meant, to copy over the golden file.
 */
class ReportTest extends TimedApiTest {

    private static final String PID = "report-demo";
    private static final String PROGRAMME = "/api/v1/programmes/" + PID;
    private static final String KPI = PROGRAMME + "/kpis/adoption";
    private static final String AS_OF = "2026-04-01T12:00:00Z";
    private static final String SINCE = "2026-03-10T00:00:00Z";

    private static boolean recorded;

    @Test
    void theMarkdownReportOfAFixedHistoryReadsAsTheGoldenFile() throws Exception {
        givenTheHistory();

        String report = http.perform(get(PROGRAMME + "/report").param("asOf", AS_OF).param("since", SINCE)
                        .accept("text/markdown"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String golden = new ClassPathResource("reports/steering-report.md").getContentAsString(StandardCharsets.UTF_8);
        if (!report.equals(golden)) {
            Files.writeString(Path.of("target", "steering-report.md"), report);
        }
        assertThat(report).isEqualTo(golden);
    }

    @Test
    void theSameReportAsAPrintableHtmlPage() throws Exception {
        givenTheHistory();

        http.perform(get(PROGRAMME + "/report").param("asOf", AS_OF).param("since", SINCE)
                        .accept("text/html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<h1>Steering report: Digital permits</h1>")))
                .andExpect(content().string(containsString("@media print")))
                .andExpect(content().string(containsString("<td>Pilot municipality live</td>")));
        http.perform(get(PROGRAMME + "/follow-up").param("asOf", AS_OF))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[0].kpis[0].correction.movedTowardPlan").value(true));
        http.perform(get(PROGRAMME + "/report").param("asOf", AS_OF).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotAcceptable());
        http.perform(get(PROGRAMME + "/report").param("asOf", "2026-01-01T00:00:00Z").accept("text/markdown"))
                .andExpect(status().isNotFound());
    }

    /**
     * A KPI off plan in March, acknowledged; an ADJUST decision on 16 Mar addressing it; readings that climb back;
     * a correction, a milestone re-baselined and its forecast moved; all before 1 Apr.
     */
    private void givenTheHistory() throws Exception {
        if (recorded) {
            return;
        }
        recorded = true;
        api.at("2026-03-02T09:00:00Z", "/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "owner": "Programme office", "startDate": "2026-01-01",
                 "plannedEndDate": "2027-06-30"}""".formatted(PID));
        api.at("2026-03-02T09:05:00Z", PROGRAMME + "/kpis", """
                {"id": "adoption", "name": "Digital applications", "unit": "%", "direction": "HIGHER_IS_BETTER",
                 "baseline": 10, "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31",
                 "tolerance": 5, "cadence": "P1W"}""");
        api.at("2026-03-02T09:10:00Z", PROGRAMME + "/milestones",
                "{\"id\": \"pilot\", \"title\": \"Pilot municipality live\", \"dueDate\": \"2026-06-01\"}");
        api.at("2026-03-02T09:15:00Z", PROGRAMME + "/evaluations",
                "{\"id\": \"sc-march\", \"title\": \"March steering committee\", \"scheduledFor\": \"2026-03-16\"}");
        api.at("2026-03-02T10:00:00Z", KPI + "/readings", "{\"value\": 17, \"measuredAt\": \"2026-02-22\", \"readingId\": \"w8\"}");
        api.at("2026-03-09T10:00:00Z", KPI + "/readings", "{\"value\": 16, \"measuredAt\": \"2026-03-01\", \"readingId\": \"w9\"}");
        api.at("2026-03-11T10:00:00Z", KPI + "/readings", "{\"value\": 15, \"measuredAt\": \"2026-03-08\", \"readingId\": \"w10\"}");
        String signal = api.awaitSignalId(PID);
        api.at("2026-03-12T10:00:00Z", "/api/v1/signals/" + signal + "/acknowledgement",
                "{\"by\": \"Steering committee\", \"note\": \"Decide on 16 March\"}");
        api.at("2026-03-13T10:00:00Z", KPI + "/readings/w10/correction", "{\"value\": 14, \"reason\": \"one region double-counted\"}");
        api.at("2026-03-16T15:00:00Z", PROGRAMME + "/evaluations/sc-march/outcome", """
                {"heldOn": "2026-03-16", "deliveryConfidence": "AMBER", "decision": "ADJUST",
                 "summary": "Second intake team; campaign for digital applications",
                 "actions": [{"description": "Start the campaign", "owner": "Communications", "dueDate": "2026-03-23"}],
                 "addressedSignals": ["%s"]}""".formatted(signal));
        api.at("2026-03-17T10:00:00Z", PROGRAMME + "/milestones/pilot/rebaseline",
                "{\"dueDate\": \"2026-07-01\", \"reason\": \"intake team first\", \"approvedBy\": \"Steering committee\"}");
        api.at("2026-03-18T10:00:00Z", PROGRAMME + "/milestones/pilot/forecast",
                "{\"forecastDate\": \"2026-07-15\", \"reason\": \"supplier\"}");
        api.at("2026-03-23T10:00:00Z", KPI + "/readings", "{\"value\": 22, \"measuredAt\": \"2026-03-22\", \"readingId\": \"w12\"}");
        api.at("2026-03-30T10:00:00Z", KPI + "/readings", "{\"value\": 27, \"measuredAt\": \"2026-03-29\", \"readingId\": \"w13\"}");
        // after the report's moment: never in it
        api.at("2026-04-02T10:00:00Z", KPI + "/readings/w13/correction", "{\"value\": 2, \"reason\": \"later news\"}");
        api.awaitHistoryMentioning(PID, "later news");
    }
}

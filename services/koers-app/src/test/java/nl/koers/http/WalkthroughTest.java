package nl.koers.http;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import nl.koers.app.KoersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The README's walkthrough: a programme, a KPI, a reading and a milestone, then the programme as read back. */
@KoersIntegrationTest
class WalkthroughTest {

    @Autowired
    MockMvc http;

    @Test
    void definesAProgrammeWithAKpiAReadingAndAMilestoneAndReadsThemBack() throws Exception {
        http.perform(post("/api/v1/programmes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"id": "walk-digital-permits", "name": "Digital permits", "owner": "Programme office",
                         "startDate": "2026-01-01", "plannedEndDate": "2027-06-30",
                         "objectives": [{"id": "faster", "statement": "Permits decided within 4 weeks"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/programmes/walk-digital-permits"));

        http.perform(post("/api/v1/programmes/walk-digital-permits/kpis").contentType(MediaType.APPLICATION_JSON).content("""
                        {"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                         "baseline": 56, "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31",
                         "tolerance": 3, "cadence": "P1W", "objectiveId": "faster", "lever": "PROCESS"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/programmes/walk-digital-permits/kpis/lead-time"));

        String reading = """
                {"value": 51.5, "measuredAt": "2026-02-02", "readingId": "2026-w06", "source": "case-system"}""";
        http.perform(post("/api/v1/programmes/walk-digital-permits/kpis/lead-time/readings")
                        .contentType(MediaType.APPLICATION_JSON).content(reading))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measuredAt").value("2026-02-02T00:00:00Z"))
                .andExpect(jsonPath("$.duplicate").value(false));
        http.perform(post("/api/v1/programmes/walk-digital-permits/kpis/lead-time/readings")
                        .contentType(MediaType.APPLICATION_JSON).content(reading))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(51.5))
                .andExpect(jsonPath("$.duplicate").value(true));

        http.perform(post("/api/v1/programmes/walk-digital-permits/milestones").contentType(MediaType.APPLICATION_JSON).content("""
                        {"id": "pilot-live", "title": "Pilot municipality live", "dueDate": "2026-06-01"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/programmes/walk-digital-permits/milestones/pilot-live"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.perform(get("/api/v1/programmes/walk-digital-permits"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("ACTIVE"))
                        .andExpect(jsonPath("$.objectives[0].id").value("faster"))
                        .andExpect(jsonPath("$.kpis", hasSize(1)))
                        .andExpect(jsonPath("$.kpis[0].latestReading.readingId").value("2026-w06"))
                        .andExpect(jsonPath("$.kpis[0].latestReading.value").value(51.5))
                        .andExpect(jsonPath("$.milestones[0].id").value("pilot-live")));
    }
}

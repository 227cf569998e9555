package nl.koers.app.navigation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import nl.koers.app.KoersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** PRODUCT.md's worked example through the API: each reading's deviation and status against the plan line. */
@KoersIntegrationTest
class KpiStatusTest {

    @Autowired
    MockMvc http;

    void post(String path, String json) throws Exception {
        http.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void readingsOnTheFirstOfMarchAreGreenAmberAndRedAroundThePlanOf21_35() throws Exception {
        // given baseline 10 on 1 Jan, target 80 on 31 Dec (364 days later), tolerance 5:
        // the plan on 1 Mar (59 days) is 10 + 70 × 59 / 364 = 21.346
        post("/api/v1/programmes", """
                {"id": "worked-example", "name": "Worked example", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""");
        post("/api/v1/programmes/worked-example/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5, "cadence": "P1M"}""");
        // when readings of 17, 12 and 11 are measured that day (the latest, 11, recorded last)
        for (String[] reading : new String[][] {{"a", "17"}, {"b", "12"}, {"c", "11"}}) {
            post("/api/v1/programmes/worked-example/kpis/adoption/readings", """
                    {"value": %s, "measuredAt": "2026-03-01", "readingId": "%s"}""".formatted(reading[1], reading[0]));
        }
        // then 17 is GREEN (−4.35), 12 AMBER (−9.35), 11 RED (−10.35), and the KPI takes the latest: RED
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.perform(get("/api/v1/programmes/worked-example/kpis/adoption"))
                        .andExpect(jsonPath("$.readings.length()").value(3))
                        .andExpect(jsonPath("$.readings[0].status").value("GREEN"))
                        .andExpect(jsonPath("$.readings[0].deviation", closeTo(-4.35, 0.005)))
                        .andExpect(jsonPath("$.readings[1].status").value("AMBER"))
                        .andExpect(jsonPath("$.readings[1].deviation", closeTo(-9.35, 0.005)))
                        .andExpect(jsonPath("$.readings[2].status").value("RED"))
                        .andExpect(jsonPath("$.readings[2].deviation", closeTo(-10.35, 0.005)))
                        .andExpect(jsonPath("$.status").value("RED"))
                        .andExpect(jsonPath("$.latestReading.readingId").value("c"))
                        .andExpect(jsonPath("$.forecast.valueAtTarget").isEmpty()));
        http.perform(get("/api/v1/programmes/worked-example"))
                .andExpect(jsonPath("$.kpis[0].status").value("RED"))
                .andExpect(jsonPath("$.kpis[0].readings").doesNotExist());
    }
}

package nl.koers.http;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Posts JSON bodies to the API, and sets up the usual programme with a KPI, a milestone and an evaluation. */
record ApiClient(MockMvc http) {

    ResultActions post(String path, String json) throws Exception {
        return http.perform(MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A programme {@code pid} started 2026-01-01 with objective "faster", KPI "lead-time", milestone "pilot", evaluation "q1". */
    void givenProgramme(String pid) throws Exception {
        expect201(post("/api/v1/programmes", """
                {"id": "%s", "name": "Digital permits", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30",
                 "objectives": [{"id": "faster", "statement": "Permits decided within 4 weeks"}]}""".formatted(pid)));
        expect201(post("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                 "baseline": 56, "baselineDate": "2026-01-01", "target": 28, "targetDate": "2026-12-31",
                 "tolerance": 3, "cadence": "P1W", "objectiveId": "faster", "lever": "PROCESS"}"""));
        expect201(post("/api/v1/programmes/" + pid + "/milestones", """
                {"id": "pilot", "title": "Pilot live", "dueDate": "2026-06-01"}"""));
        expect201(post("/api/v1/programmes/" + pid + "/evaluations", """
                {"id": "q1", "title": "Q1 steering committee", "scheduledFor": "2026-03-31"}"""));
    }

    private static void expect201(ResultActions result) throws Exception {
        int status = result.andReturn().getResponse().getStatus();
        if (status != 201) {
            throw new AssertionError("Set-up failed with " + status + ": " + result.andReturn().getResponse().getContentAsString());
        }
    }
}

package nl.koers.app.history;

/**
 * The history the report tests read, recorded once per application context: a KPI off plan in March, acknowledged;
 * an ADJUST decision on 16 Mar addressing it; readings that climb back; a correction, a milestone re-baselined and
 * its forecast moved; all before 1 Apr, and one correction after it.
 */
final class ReportHistory {

    static final String PID = "report-demo";
    static final String PROGRAMME = "/api/v1/programmes/" + PID;
    static final String AS_OF = "2026-04-01T12:00:00Z";
    static final String SINCE = "2026-03-10T00:00:00Z";
    private static final String KPI = PROGRAMME + "/kpis/adoption";

    private static boolean recorded;

    private ReportHistory() {
    }

    static synchronized void record(TimedApi api) throws Exception {
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
        api.at("2026-03-02T09:20:00Z", PROGRAMME + "/kpis", """
                {"id": "processing", "name": "Processing time", "unit": "days", "direction": "LOWER_IS_BETTER",
                 "baseline": 42, "baselineDate": "2026-01-01", "target": 20, "targetDate": "2026-12-31",
                 "tolerance": 4, "cadence": "P1W"}""");
        api.at("2026-03-02T09:25:00Z", PROGRAMME + "/kpis/processing/readings",
                "{\"value\": 41, \"measuredAt\": \"2026-01-31\", \"readingId\": \"jan\"}");
        api.at("2026-03-02T09:30:00Z", PROGRAMME + "/kpis/processing/readings",
                "{\"value\": 38, \"measuredAt\": \"2026-02-28\", \"readingId\": \"feb\"}");
        api.at("2026-03-02T09:35:00Z", PROGRAMME + "/milestones",
                "{\"id\": \"online-form\", \"title\": \"Online application form live\", \"dueDate\": \"2026-03-31\"}");
        api.at("2026-03-02T09:40:00Z", PROGRAMME + "/milestones",
                "{\"id\": \"rollout\", \"title\": \"National roll-out\", \"dueDate\": \"2027-03-01\"}");
        api.at("2026-03-02T09:45:00Z", PROGRAMME + "/evaluations",
                "{\"id\": \"sc-june\", \"title\": \"June steering committee\", \"scheduledFor\": \"2026-06-15\"}");
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
        api.at("2026-03-16T16:00:00Z", PROGRAMME + "/kpis/processing/readings",
                "{\"value\": 36, \"measuredAt\": \"2026-03-15\", \"readingId\": \"mid-mar\"}");
        api.at("2026-03-17T10:00:00Z", PROGRAMME + "/milestones/pilot/rebaseline",
                "{\"dueDate\": \"2026-07-01\", \"reason\": \"intake team first\", \"approvedBy\": \"Steering committee\"}");
        api.at("2026-03-18T10:00:00Z", PROGRAMME + "/milestones/pilot/forecast",
                "{\"forecastDate\": \"2026-07-15\", \"reason\": \"supplier\"}");
        api.at("2026-03-20T10:00:00Z", PROGRAMME + "/milestones/online-form/achievement",
                "{\"achievedOn\": \"2026-03-20\"}");
        api.at("2026-03-23T10:00:00Z", KPI + "/readings", "{\"value\": 22, \"measuredAt\": \"2026-03-22\", \"readingId\": \"w12\"}");
        api.at("2026-03-30T10:00:00Z", KPI + "/readings", "{\"value\": 27, \"measuredAt\": \"2026-03-29\", \"readingId\": \"w13\"}");
        api.at("2026-03-30T10:05:00Z", PROGRAMME + "/kpis/processing/readings",
                "{\"value\": 35, \"measuredAt\": \"2026-03-29\", \"readingId\": \"end-mar\"}");
        // after the report's moment: never in it
        api.at("2026-04-02T10:00:00Z", KPI + "/readings/w13/correction", "{\"value\": 2, \"reason\": \"later news\"}");
        api.awaitHistoryMentioning(PID, "later news");
    }
}

package nl.koers.app.observability;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.MovableClock;
import nl.koers.app.RunningService;
import nl.koers.app.signals.SignalSweep;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * A scripted year of three programmes, 2025, recorded at the moments it names through one or more instances (command
 * {@code n} through instance {@code n mod instances}): weekly readings, readings recorded weeks late, corrections and
 * retractions, retargets, forecasts and re-baselines, evaluations with outcomes, acknowledgements, a pause, and a weekly
 * sweep that raises and clears stale, overdue and slipping signals. Answers the moments it recorded at.
 */
final class ReplayYear {

    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    static final Instant END = START.plus(Duration.ofDays(7 * 52));
    static final List<String> PROGRAMMES = List.of("permits", "energy", "housing");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RunningService> instances;
    private final MovableClock clock;
    private final List<Instant> moments = new ArrayList<>();
    /** Readings recorded weeks after they were measured, by the week they are recorded in. */
    private final Map<Integer, List<String>> late = new HashMap<>();
    private int commands;

    ReplayYear(List<RunningService> instances, MovableClock clock) {
        this.instances = instances;
        this.clock = clock;
    }

    List<Instant> record() throws Exception {
        GenericEventMessage.clock = clock;
        define();
        for (int week = 0; week < 52; week++) {
            Instant monday = START.plus(Duration.ofDays(7L * week));
            at(monday.plus(Duration.ofHours(7)));
            sweep();
            at(monday.plus(Duration.ofHours(9)));
            for (String reading : late.getOrDefault(week, List.of())) {
                postReading(reading);
            }
            week(week);
        }
        return List.copyOf(moments);
    }

    private void define() throws Exception {
        at(START.minus(Duration.ofDays(3)));
        post("/api/v1/programmes", """
                {"id": "permits", "name": "Digital permits", "owner": "Ana", "startDate": "2025-01-01",
                 "plannedEndDate": "2026-06-30"}""");
        post("/api/v1/programmes/permits/kpis", """
                {"id": "adoption", "name": "Adoption", "unit": "%", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2025-01-01", "target": 80, "targetDate": "2025-12-31", "tolerance": 5, "cadence": "P1W"}""");
        post("/api/v1/programmes/permits/kpis", """
                {"id": "lead-time", "name": "Lead time", "unit": "days", "direction": "LOWER_IS_BETTER", "baseline": 30,
                 "baselineDate": "2025-01-01", "target": 10, "targetDate": "2025-12-31", "tolerance": 2, "cadence": "P2W"}""");
        post("/api/v1/programmes/permits/milestones", """
                {"id": "pilot", "title": "Pilot", "dueDate": "2025-04-01"}""");
        post("/api/v1/programmes/permits/milestones", """
                {"id": "rollout", "title": "Roll-out", "startDate": "2025-03-01", "dueDate": "2025-09-01"}""");
        for (String[] review : new String[][] {{"q1", "2025-03-31"}, {"q2", "2025-06-30"}, {"q3", "2025-09-29"}}) {
            post("/api/v1/programmes/permits/evaluations", """
                    {"id": "%s", "title": "Quarterly review", "scheduledFor": "%s"}""".formatted(review[0], review[1]));
        }
        post("/api/v1/programmes", """
                {"id": "energy", "name": "Energy transition", "owner": "Bo", "startDate": "2025-01-01",
                 "plannedEndDate": "2027-01-01"}""");
        post("/api/v1/programmes/energy/kpis", """
                {"id": "savings", "name": "Savings", "unit": "GWh", "direction": "HIGHER_IS_BETTER", "baseline": 0,
                 "baselineDate": "2025-01-01", "target": 100, "targetDate": "2025-12-31", "tolerance": 4, "cadence": "P2W"}""");
        post("/api/v1/programmes/energy/evaluations", """
                {"id": "mid-year", "title": "Mid-year review", "scheduledFor": "2025-06-16"}""");
        post("/api/v1/programmes", """
                {"id": "housing", "name": "Housing permits", "owner": "Cas", "startDate": "2025-01-01",
                 "plannedEndDate": "2026-01-01"}""");
        post("/api/v1/programmes/housing/kpis", """
                {"id": "homes", "name": "Homes started", "unit": "homes", "direction": "HIGHER_IS_BETTER", "baseline": 0,
                 "baselineDate": "2025-01-01", "target": 520, "targetDate": "2025-12-31", "tolerance": 20, "cadence": "P1W"}""");
        post("/api/v1/programmes/housing/milestones", """
                {"id": "tender", "title": "Tender", "dueDate": "2025-05-01"}""");
        post("/api/v1/programmes/housing/evaluations", """
                {"id": "spring", "title": "Spring review", "scheduledFor": "2025-06-15"}""");
    }

    private void week(int week) throws Exception {
        LocalDate monday = LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(7L * week);
        double elapsed = (7.0 * week + 5) / 365;
        // permits/adoption: on plan, then below it, retargeted in week 27, then on plan; every ninth recorded late
        double adoptionPlan = week < 27 ? 10 + 70 * elapsed : 29 + (60 - 29) * (week - 27) / 38.0;
        double offset = week < 12 ? 1 : week < 19 ? -7 : week < 27 ? -12 : week < 40 ? 0.5 : -6;
        String adoption = reading("permits", "adoption", "w" + week, adoptionPlan + offset, monday);
        if (week % 9 == 5) {
            late.computeIfAbsent(week + 2, later -> new ArrayList<>()).add(adoption);
        } else {
            postReading(adoption);
        }
        if (week % 2 == 0) {
            double leadTime = 30 - 20 * elapsed + (week > 30 ? 5 : 0);
            postReading(reading("permits", "lead-time", "w" + week, leadTime, monday));
        }
        if (week % 2 == 1 && (week < 22 || week >= 32)) {
            postReading(reading("energy", "savings", "w" + week, 100 * elapsed - (week > 40 ? 15 : 1), monday));
        }
        if (week < 20) {
            postReading(reading("housing", "homes", "w" + week, 520 * elapsed + 3, monday));
        }
        switch (week) {
            case 6 -> post("/api/v1/programmes/permits/milestones/pilot/forecast", """
                    {"forecastDate": "2025-04-20", "reason": "supplier late"}""");
            case 8 -> post("/api/v1/programmes/permits/kpis/adoption/readings/w6/correction", """
                    {"value": 30, "reason": "the export missed a region"}""");
            case 10 -> post("/api/v1/programmes/permits/milestones/pilot/rebaseline", """
                    {"dueDate": "2025-05-01", "reason": "supplier late", "approvedBy": "Steering committee"}""");
            case 13 -> outcome("permits", "q1", "2025-03-31", "AMBER", "ADJUST");
            case 14 -> acknowledge("permits");
            case 15 -> post("/api/v1/programmes/permits/kpis/adoption/readings/w13/retraction", """
                    {"reason": "double count"}""");
            case 17 -> post("/api/v1/programmes/permits/milestones/pilot/achievement", """
                    {"achievedOn": "2025-04-28"}""");
            case 20 -> post("/api/v1/programmes/permits/milestones/rollout/forecast", """
                    {"forecastDate": "2025-10-15", "reason": "integration tests"}""");
            case 22 -> post("/api/v1/programmes/energy/pause", "{\"reason\": \"budget review\"}");
            case 23 -> acknowledge("energy");
            case 25 -> outcome("energy", "mid-year", "2025-06-16", "RED", "PAUSE");
            case 26 -> outcome("permits", "q2", "2025-06-30", "AMBER_RED", "ADJUST");
            case 27 -> post("/api/v1/programmes/permits/kpis/adoption/retarget", """
                    {"target": 60, "targetDate": "2026-03-31", "tolerance": 4, "reason": "steering decision Q2"}""");
            case 28 -> acknowledge("housing");
            case 30 -> post("/api/v1/programmes/permits/kpis/adoption/readings/w29/correction", """
                    {"value": 35, "reason": "late survey answers"}""");
            case 32 -> post("/api/v1/programmes/energy/resume", "{\"reason\": \"budget approved\"}");
            case 33 -> post("/api/v1/programmes/permits/milestones/rollout/forecast", """
                    {"forecastDate": "2025-11-30", "reason": "integration tests"}""");
            case 35 -> post("/api/v1/programmes/energy/kpis/savings/retarget", """
                    {"target": 80, "targetDate": "2025-12-31", "reason": "pause"}""");
            case 38 -> post("/api/v1/programmes/permits/milestones/rollout/rebaseline", """
                    {"dueDate": "2025-12-01", "reason": "integration tests", "approvedBy": "Steering committee"}""");
            case 39 -> outcome("permits", "q3", "2025-09-29", "GREEN", "CONTINUE");
            case 41 -> post("/api/v1/programmes/permits/kpis/adoption/readings/w40/retraction", """
                    {"reason": "wrong KPI"}""");
            case 45 -> post("/api/v1/programmes/housing/milestones/tender/cancellation", """
                    {"reason": "merged into the next tender"}""");
            default -> {
            }
        }
    }

    /** A reading's path and body, on two lines. */
    private static String reading(String programme, String kpi, String id, double value, LocalDate measuredOn) {
        return String.format(Locale.ROOT,
                "/api/v1/programmes/%s/kpis/%s/readings\n{\"value\": %.2f, \"measuredAt\": \"%sT00:00:00Z\", \"readingId\": \"%s\"}",
                programme, kpi, value, measuredOn, id);
    }

    private void postReading(String reading) throws Exception {
        post(reading.split("\n", 2)[0], reading.split("\n", 2)[1]);
    }

    private void outcome(String programme, String evaluation, String heldOn, String confidence, String decision)
            throws Exception {
        List<String> open = new ArrayList<>();
        openSignals(programme).forEach(signal -> open.add("\"" + signal.path("id").asText() + "\""));
        post("/api/v1/programmes/%s/evaluations/%s/outcome".formatted(programme, evaluation), """
                {"heldOn": "%s", "deliveryConfidence": "%s", "decision": "%s", "summary": "Review of %s",
                 "addressedSignals": [%s]}""".formatted(heldOn, confidence, decision, heldOn, String.join(", ", open)));
    }

    private void acknowledge(String programme) throws Exception {
        for (JsonNode signal : openSignals(programme)) {
            if (signal.path("state").asText().equals("OPEN")) {
                post("/api/v1/signals/" + signal.path("id").asText() + "/acknowledgement", """
                        {"by": "Steering committee", "note": "on the agenda"}""");
                return;
            }
        }
    }

    private JsonNode openSignals(String programme) throws IOException, InterruptedException {
        return JSON.readTree(instances.get(0).get("/api/v1/programmes/" + programme)).path("signals");
    }

    private void sweep() {
        SignalSweep.Result result = instances.get(commands++ % instances.size()).bean(SignalSweep.class).sweep();
        if (!result.ran()) {
            throw new AssertionError("the sweep did not run");
        }
        moments.add(clock.instant());
    }

    private void at(Instant moment) {
        clock.set(moment);
    }

    private Instant moment() {
        return clock.instant();
    }

    /** Posts at the clock's moment, then moves it on a minute; fails unless the service answers 2xx. */
    private void post(String path, String json) throws IOException, InterruptedException {
        var response = instances.get(commands++ % instances.size()).post(path, json);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " at " + moment() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        moments.add(moment());
        clock.advance(Duration.ofMinutes(1));
    }
}

package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import nl.koers.app.KoersIntegrationTest;
import nl.koers.app.observability.Repository;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Portfolio files (issue 27): a document exported from the stored programmes, edited as a programme office edits its
 * spreadsheet or its file in Git, planned item by item (recording nothing), applied through the normal commands with
 * the caller as actor, and applied again without any effect.
 */
@KoersIntegrationTest
class PortfolioFilesTest {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML_TREES = new YAMLMapper();
    private static int programmes;

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void anExportedProgrammePlansUnchangedInEveryFormat() throws Exception {
        String pid = givenProgramme();

        for (String format : List.of("yaml", "json", "xlsx")) {
            byte[] exported = export(pid, format);
            MediaType type = format.equals("yaml") ? YAML : format.equals("json") ? MediaType.APPLICATION_JSON : XLSX;
            JsonNode plan = plan(exported, type);
            assertThat(actions(plan)).as(format).containsExactlyInAnyOrderEntriesOf(Map.of(
                    pid + "/PROGRAMME/" + pid, "UNCHANGED", pid + "/KPI/lead-time", "UNCHANGED",
                    pid + "/MILESTONE/pilot", "UNCHANGED", pid + "/EVALUATION/q1", "UNCHANGED"));
            assertThat(plan.at("/counts/UNCHANGED").asInt()).isEqualTo(4);
        }

        Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(pid, "xlsx")));
        workbook.getSheet("KPIs").getRow(1).getCell(7).setCellValue(21);
        assertItem(items(plan(bytes(workbook), XLSX)).get(pid + "/KPI/lead-time"), "CHANGE", List.of("RetargetKpi"),
                List.of("target"));
    }

    @Test
    void eachEditIsPlannedItemByItemAndApplyCarriesItOutWithTheCallerAsActor() throws Exception {
        String pid = givenProgramme();
        String other = givenProgramme();
        String created = "pf-new-" + (++programmes);
        ObjectNode document = (ObjectNode) YAML_TREES.readTree(export(pid, "yaml"));
        document.withArray("programmes").addAll((ArrayNode) YAML_TREES.readTree(export(other, "yaml")).get("programmes"));
        ObjectNode changed = programme(document, pid);
        // what the commands allow: a retarget, a re-baseline with its approval, new items
        ObjectNode kpi = (ObjectNode) changed.get("kpis").get(0);
        kpi.put("target", 21).put("reason", "Pilot shows 3 weeks is feasible");
        ((ObjectNode) changed.get("milestones").get(0)).put("dueDate", "2026-07-01")
                .put("reason", "Supplier late").put("approvedBy", "Steering committee 2026-03-31");
        changed.withArray("kpis").add(YAML_TREES.readTree("""
                {id: satisfaction, name: Applicant satisfaction, unit: score, direction: HIGHER_IS_BETTER, baseline: 6,
                 baselineDate: 2026-01-01, target: 8, targetDate: 2026-12-31, tolerance: 0.5, cadence: P1M, lever: USERS}"""));
        changed.withArray("milestones").add(YAML_TREES.readTree("{id: rollout, title: Rolled out, dueDate: 2027-03-01}"));
        changed.withArray("evaluations").add(YAML_TREES.readTree("{id: q2, title: Q2 steering committee, scheduledFor: 2026-06-30}"));
        // what they refuse: a unit, a re-baseline without approval, a name, a rescheduled evaluation
        ObjectNode refused = programme(document, other);
        refused.put("name", "Renamed");
        ((ObjectNode) refused.get("kpis").get(0)).put("unit", "weeks");
        ((ObjectNode) refused.get("milestones").get(0)).put("dueDate", "2026-08-01");
        ((ObjectNode) refused.get("evaluations").get(0)).put("scheduledFor", "2026-04-15");
        document.withArray("programmes").add(YAML_TREES.readTree("""
                {id: %s, name: New programme, startDate: 2026-01-01, plannedEndDate: 2026-12-31,
                 milestones: [{id: kickoff, title: Kick-off, dueDate: 2026-02-01}]}""".formatted(created)));
        byte[] edited = YAML_TREES.writeValueAsBytes(document);
        long before = events();

        JsonNode plan = plan(edited, YAML);

        assertThat(events()).as("a plan records nothing").isEqualTo(before);
        Map<String, JsonNode> items = items(plan);
        assertItem(items.get(pid + "/PROGRAMME/" + pid), "UNCHANGED", List.of(), List.of());
        assertItem(items.get(pid + "/KPI/lead-time"), "CHANGE", List.of("RetargetKpi"), List.of("target"));
        assertItem(items.get(pid + "/MILESTONE/pilot"), "CHANGE", List.of("RebaselineMilestone"), List.of("dueDate"));
        assertItem(items.get(pid + "/KPI/satisfaction"), "CREATE", List.of("DefineKpi"), List.of());
        assertItem(items.get(pid + "/MILESTONE/rollout"), "CREATE", List.of("PlanMilestone"), List.of());
        assertItem(items.get(pid + "/EVALUATION/q2"), "CREATE", List.of("ScheduleEvaluation"), List.of());
        assertItem(items.get(pid + "/EVALUATION/q1"), "UNCHANGED", List.of(), List.of());
        assertItem(items.get(other + "/PROGRAMME/" + other), "REFUSED", List.of(), List.of("name"));
        assertItem(items.get(other + "/KPI/lead-time"), "REFUSED", List.of(), List.of("unit"));
        assertThat(items.get(other + "/KPI/lead-time").get("detail").asText()).contains("unit and direction cannot change");
        assertItem(items.get(other + "/MILESTONE/pilot"), "REFUSED", List.of(), List.of("dueDate"));
        assertThat(items.get(other + "/MILESTONE/pilot").get("detail").asText()).contains("approvedBy");
        assertItem(items.get(other + "/EVALUATION/q1"), "REFUSED", List.of(), List.of("scheduledFor"));
        assertItem(items.get(created + "/PROGRAMME/" + created), "CREATE", List.of("DefineProgramme"), List.of());
        assertItem(items.get(created + "/MILESTONE/kickoff"), "CREATE", List.of("PlanMilestone"), List.of());
        assertThat(plan.get("counts")).isEqualTo(JSON.readTree("""
                {"CREATE": 5, "CHANGE": 2, "UNCHANGED": 2, "REFUSED": 4}"""));

        Instant beforeApply = Instant.now();
        JsonNode applied = send("/api/v1/portfolio/apply", edited, YAML);

        assertThat(actions(applied)).isEqualTo(actions(plan));
        assertThat(events() - before).as("one event per command, signals aside").isGreaterThanOrEqualTo(7);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = getJson("/api/v1/programmes/" + pid);
            assertThat(view.at("/kpis").findValuesAsText("id")).containsExactlyInAnyOrder("lead-time", "satisfaction");
            assertThat(view.at("/milestones").findValuesAsText("id")).containsExactlyInAnyOrder("pilot", "rollout");
            assertThat(getJson("/api/v1/programmes/" + pid + "/kpis/lead-time").get("target").decimalValue())
                    .isEqualByComparingTo("21");
            JsonNode pilot = getJson("/api/v1/programmes/" + pid + "/milestones/pilot");
            assertThat(pilot.get("dueDate").asText()).isEqualTo("2026-07-01");
            assertThat(pilot.at("/rebaselines/0/approvedBy").asText()).isEqualTo("Steering committee 2026-03-31");
            assertThat(getJson("/api/v1/programmes/" + created).at("/milestones/0/id").asText()).isEqualTo("kickoff");
            assertThat(getJson("/api/v1/programmes/" + other).get("name").asText()).isEqualTo("Digital permits");
            Map<String, String> actors = new HashMap<>();
            getJson("/api/v1/programmes/" + pid + "/history").forEach(entry ->
                    actors.put(entry.get("type").asText() + "/" + entry.at("/subject/id").asText(), entry.get("actor").asText()));
            assertThat(actors).containsEntry("KpiRetargeted/lead-time", "admin")
                    .containsEntry("MilestoneRebaselined/pilot", "admin")
                    .containsEntry("KpiDefined/satisfaction", "admin")
                    .containsEntry("MilestonePlanned/rollout", "admin")
                    .containsEntry("EvaluationScheduled/q2", "admin");
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(plan(edited, YAML).at("/counts/UNCHANGED").asInt()).isEqualTo(9));
        JsonNode asBefore = YAML_TREES.readTree(http.perform(get("/api/v1/portfolio").param("programme", pid)
                .param("asOf", beforeApply.toString())).andReturn().getResponse().getContentAsByteArray());
        assertThat(asBefore.at("/programmes/0/kpis/0/target").decimalValue()).isEqualByComparingTo("28");
        assertThat(asBefore.at("/programmes/0/kpis")).hasSize(1);
        long afterFirst = events();
        JsonNode again = send("/api/v1/portfolio/apply", edited, YAML);
        assertThat(again.get("counts")).isEqualTo(JSON.readTree("""
                {"CREATE": 0, "CHANGE": 0, "UNCHANGED": 9, "REFUSED": 4}"""));
        assertThat(events()).as("a second apply records nothing").isEqualTo(afterFirst);
    }

    /** Issue 27's figure: a 100-programme document applied on the embedded default database, then applied again. */
    @Test
    void aHundredProgrammeDocumentIsAppliedWellUnderAMinuteAndASecondApplyRecordsNothing() throws Exception {
        String run = "pf-bulk-" + (++programmes);
        StringBuilder document = new StringBuilder("programmes:\n");
        for (int p = 0; p < 100; p++) {
            document.append("""
                      - id: %1$s-%2$d
                        name: Programme %2$d
                        owner: Office
                        startDate: 2026-01-01
                        plannedEndDate: 2027-12-31
                        objectives: [{id: faster, statement: Faster}, {id: cheaper, statement: Cheaper}]
                        kpis:
                          - {id: lead-time, name: Lead time, unit: days, direction: LOWER_IS_BETTER, baseline: 56, baselineDate: 2026-01-01, target: 28, targetDate: 2026-12-31, tolerance: 3, cadence: P1W, objectiveId: faster, lever: PROCESS}
                          - {id: cost, name: Cost, unit: EUR, direction: LOWER_IS_BETTER, baseline: 100, baselineDate: 2026-01-01, target: 80, targetDate: 2027-06-30, tolerance: 2.5, cadence: P1M, objectiveId: cheaper, lever: NAVIGATION}
                          - {id: adoption, name: Adoption, unit: '%%', direction: HIGHER_IS_BETTER, baseline: 5, baselineDate: 2026-01-01, target: 60, targetDate: 2027-12-31, tolerance: 5, cadence: P1M, lever: USERS}
                        milestones:
                          - {id: design, title: Design done, dueDate: 2026-03-31}
                          - {id: pilot, title: Pilot live, dueDate: 2026-06-30, startDate: 2026-04-01}
                          - {id: rollout, title: Rolled out, dueDate: 2027-03-31}
                          - {id: handover, title: Handed over, dueDate: 2027-12-01}
                        evaluations:
                          - {id: q1, title: Q1 review, scheduledFor: 2026-03-31}
                          - {id: q3, title: Q3 review, scheduledFor: 2026-09-30}
                    """.formatted(run, p));
        }
        byte[] file = document.toString().getBytes();

        long started = System.nanoTime();
        JsonNode applied = send("/api/v1/portfolio/apply", file, YAML);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(applied.get("counts")).isEqualTo(JSON.readTree("""
                {"CREATE": 1000, "CHANGE": 0, "UNCHANGED": 0, "REFUSED": 0}"""));
        System.out.println("Portfolio apply: 100 programmes (1,000 items: 300 KPIs, 400 milestones, 200 evaluations) in "
                + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(plan(file, YAML).at("/counts/UNCHANGED").asInt()).isEqualTo(1000));
        long before = events();
        started = System.nanoTime();
        JsonNode again = send("/api/v1/portfolio/apply", file, YAML);
        Duration tookAgain = Duration.ofNanos(System.nanoTime() - started);
        assertThat(again.at("/counts/UNCHANGED").asInt()).isEqualTo(1000);
        assertThat(events() - before).as("events recorded by the second apply").isZero();
        System.out.println("Portfolio apply again: 1,000 items UNCHANGED in " + tookAgain.toMillis() + " ms, "
                + (events() - before) + " events recorded");
    }

    @Test
    void aClosedProgrammeTakesNoChangesButPlansUnchanged() throws Exception {
        String pid = givenProgramme();
        api.post("/api/v1/programmes/" + pid + "/close", "{\"reason\": \"Done\"}").andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/api/v1/programmes/" + pid).get("status").asText().equals("CLOSED"));
        ObjectNode document = (ObjectNode) YAML_TREES.readTree(export(pid, "yaml"));

        assertThat(actions(plan(YAML_TREES.writeValueAsBytes(document), YAML)).values()).containsOnly("UNCHANGED");

        ((ObjectNode) programme(document, pid).get("kpis").get(0)).put("target", 21);
        programme(document, pid).withArray("evaluations").add(YAML_TREES.readTree("{id: q2, title: Q2, scheduledFor: 2026-06-30}"));
        Map<String, JsonNode> items = items(plan(YAML_TREES.writeValueAsBytes(document), YAML));
        assertItem(items.get(pid + "/KPI/lead-time"), "REFUSED", List.of(), List.of("target"));
        assertThat(items.get(pid + "/KPI/lead-time").get("detail").asText()).contains("CLOSED");
        assertItem(items.get(pid + "/EVALUATION/q2"), "REFUSED", List.of(), List.of());
    }

    @Test
    void whatTheCallersTokenDoesNotAllowIsRefused() throws Exception {
        String pid = givenProgramme();
        String mine = givenProgramme();
        String token = JSON.readTree(api.post("/api/v1/admin/tokens", """
                {"name": "office-%s", "roles": ["OFFICE"], "programmes": ["%s"]}""".formatted(mine, mine))
                .andReturn().getResponse().getContentAsString()).get("token").asText();
        String document = """
                programmes:
                  - {id: %s, name: Digital permits, startDate: 2026-01-01, plannedEndDate: 2027-06-30,
                     evaluations: [{id: q3, title: Q3, scheduledFor: 2026-09-30}]}
                  - {id: brand-new-%s, name: New, startDate: 2026-01-01, plannedEndDate: 2027-06-30}
                """.formatted(pid, pid);

        MockHttpServletResponse response = http.perform(post("/api/v1/portfolio/plan").contentType(YAML)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).content(document)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, JsonNode> items = items(JSON.readTree(response.getContentAsString()));
        assertThat(items.get(pid + "/PROGRAMME/" + pid).get("detail").asText()).contains("outside the caller's programmes");
        assertThat(items.get(pid + "/EVALUATION/q3").get("action").asText()).isEqualTo("REFUSED");
        assertThat(items.get("brand-new-" + pid + "/PROGRAMME/brand-new-" + pid).get("action").asText()).isEqualTo("REFUSED");

        String moved = """
                programmes:
                  - id: %s
                    name: Digital permits
                    startDate: 2026-01-01
                    plannedEndDate: 2027-06-30
                    objectives: [{id: faster, statement: Permits decided within 4 weeks}]
                    milestones: [{id: pilot, title: Pilot live, dueDate: 2026-09-01, approvedBy: Steering committee}]
                """.formatted(mine);
        JsonNode rebaselined = JSON.readTree(http.perform(post("/api/v1/portfolio/plan").contentType(YAML)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).content(moved)).andReturn().getResponse()
                .getContentAsString());
        assertItem(items(rebaselined).get(mine + "/PROGRAMME/" + mine), "UNCHANGED", List.of(), List.of());
        assertItem(items(rebaselined).get(mine + "/MILESTONE/pilot"), "REFUSED", List.of(), List.of("dueDate"));
        assertThat(items(rebaselined).get(mine + "/MILESTONE/pilot").get("detail").asText()).contains("STEERING");
    }

    @Test
    void aMalformedFileIsRefusedNamingThePlace() throws Exception {
        assertProblem(send400("""
                programmes:
                  - id: x
                    name: [unclosed
                """.getBytes(), YAML), 400, "Line ");
        assertProblem(send400("""
                {"programmes": [
                  {"id": "x", "name": "X", "startDate": "2026-01-01", "plannedEndDate": "2026-12-31",
                   "kpis": [{"id": "k", "direction": "SIDEWAYS"}]}]}""".getBytes(), MediaType.APPLICATION_JSON),
                400, "Line 3, column 38: 'programmes[0].kpis[0].direction' must be one of HIGHER_IS_BETTER, LOWER_IS_BETTER");
        assertProblem(send400("programmes:\n  - id: x\n    nmae: X\n".getBytes(), YAML), 400, "Line 3, column");

        Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template()));
        workbook.getSheet("KPIs").getRow(1).getCell(6).setCellValue("first of January");
        assertProblem(send400(bytes(workbook), XLSX), 400,
                "Sheet KPIs, cell G2: 'baselineDate' must be a date like 2026-03-01");

        assertProblem(send400(template(), MediaType.APPLICATION_JSON), 415, "workbook");
        assertProblem(send400("programmes: []".getBytes(), XLSX), 415, "not an XLSX workbook");
        assertProblem(send400("programmes: []".getBytes(), MediaType.TEXT_PLAIN), 415, null);
    }

    @Test
    void aFileOverTheLimitIs413() throws Exception {
        byte[] large = new byte[20 * 1024 * 1024 + 1];
        assertProblem(send400(large, YAML), 413, "larger than");
    }

    @Test
    void theTemplateHasAnExampleRowPerSheetAndTheAllowedValuesAsLists() throws Exception {
        MockHttpServletResponse response = http.perform(get("/api/v1/portfolio/template.xlsx")).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(XLSX.toString());

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Programmes", "Objectives", "KPIs", "Milestones", "Evaluations");
            for (Sheet sheet : workbook) {
                assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isEqualTo(1);
            }
            Sheet kpis = workbook.getSheet("KPIs");
            assertThat(kpis.getRow(0).getCell(0).getStringCellValue()).isEqualTo("programmeId");
            assertThat(kpis.getDataValidations()).extracting(v -> List.of(v.getValidationConstraint().getExplicitListValues()))
                    .containsExactlyInAnyOrder(List.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER"),
                            List.of("STORY", "PROCESS", "USERS", "NAVIGATION", "SUPPORT", "LEADERSHIP"));
        }
        assertThat(plan(response.getContentAsByteArray(), XLSX).get("counts")).isEqualTo(JSON.readTree("""
                {"CREATE": 4, "CHANGE": 0, "UNCHANGED": 0, "REFUSED": 0}"""));
    }

    @Test
    void theReadmesSampleDocumentPlansEveryItemAsNew() throws Exception {
        byte[] sample = Files.readAllBytes(Repository.file("docs/portfolio-sample.yaml"));

        JsonNode plan = plan(sample, YAML);

        assertThat(plan.get("counts")).isEqualTo(JSON.readTree("""
                {"CREATE": 11, "CHANGE": 0, "UNCHANGED": 0, "REFUSED": 0}"""));
    }

    private String givenProgramme() throws Exception {
        String pid = "pf-" + (++programmes);
        api.givenProgramme(pid);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getJson("/api/v1/programmes/" + pid).at("/evaluations/0/id").asText()).isEqualTo("q1"));
        return pid;
    }

    private static ObjectNode programme(ObjectNode document, String pid) {
        for (JsonNode programme : document.get("programmes")) {
            if (programme.get("id").asText().equals(pid)) {
                return (ObjectNode) programme;
            }
        }
        throw new AssertionError("No programme " + pid + " in the document");
    }

    private byte[] export(String pid, String format) throws Exception {
        var request = get("/api/v1/portfolio").param("format", format);
        if (pid != null) {
            request.param("programme", pid);
        }
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    private byte[] template() throws Exception {
        return http.perform(get("/api/v1/portfolio/template.xlsx")).andReturn().getResponse().getContentAsByteArray();
    }

    private JsonNode plan(byte[] document, MediaType type) throws Exception {
        return send("/api/v1/portfolio/plan", document, type);
    }

    private JsonNode send(String path, byte[] document, MediaType type) throws Exception {
        MockHttpServletResponse response = http.perform(post(path).contentType(type).content(document))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse send400(byte[] document, MediaType type) throws Exception {
        return http.perform(post("/api/v1/portfolio/plan").contentType(type).content(document)).andReturn().getResponse();
    }

    private static void assertProblem(MockHttpServletResponse response, int status, String detail) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (detail != null) {
            assertThat(JSON.readTree(response.getContentAsString()).get("detail").asText()).contains(detail);
        }
    }

    private JsonNode getJson(String path) throws Exception {
        return JSON.readTree(http.perform(get(path)).andReturn().getResponse().getContentAsString());
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static Map<String, JsonNode> items(JsonNode plan) {
        Map<String, JsonNode> items = new HashMap<>();
        plan.get("items").forEach(item -> items.put(item.get("programmeId").asText() + "/" + item.get("kind").asText()
                + "/" + item.get("id").asText(), item));
        return items;
    }

    private static Map<String, String> actions(JsonNode plan) {
        Map<String, String> actions = new HashMap<>();
        items(plan).forEach((key, item) -> actions.put(key, item.get("action").asText()));
        return actions;
    }

    private static void assertItem(JsonNode item, String action, List<String> commands, List<String> fields) {
        assertThat(item).as("planned item").isNotNull();
        assertThat(item.get("action").asText()).as(item.toString()).isEqualTo(action);
        List<String> named = new ArrayList<>();
        item.get("commands").forEach(command -> named.add(command.asText()));
        assertThat(named).as(item.toString()).isEqualTo(commands);
        List<String> changed = new ArrayList<>();
        item.get("fields").forEach(field -> changed.add(field.asText()));
        assertThat(changed).as(item.toString()).isEqualTo(fields);
    }

    private static byte[] bytes(Workbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }
}

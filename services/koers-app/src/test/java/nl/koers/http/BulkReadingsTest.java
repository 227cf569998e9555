package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.RunningService;
import nl.koers.app.TestCredentials;
import nl.koers.app.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readings from a spreadsheet (issue 19): a CSV file posted to {@code POST /programmes/{pid}/readings} over real
 * HTTP, each row a reading command with the single-reading rules. The service runs with a CSV limit of 3 MB, so that
 * both the JSON API's 1 MB and the CSV limit can be crossed with small files.
 */
class BulkReadingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "kpiId,readingId,measuredAt,value,source,note\n";

    private static RunningService service;
    private static JdbcClient store;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.onDatabase(TestDatabase.newDatabase(), "--koers.http.max-csv-size=3MB");
        store = service.bean(JdbcClient.class);
        service.defineProgrammeWithKpis("sheet", List.of("k0", "k1", "k2", "k3"));
        service.defineProgrammeWithKpis("headers", List.of("k0"));
        service.defineProgrammeWithKpis("limits", List.of("k0"));
        service.defineProgrammeWithKpis("refused", List.of("k0"));
        service.defineProgrammeWithKpis("broken", List.of("k0"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void tenThousandRowsWithOnePercentBadRecordNineThousandNineHundredAndNameTheBadOnesByLineThenNothingNewAgain()
            throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        List<Long> badLines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long line = i + 2;
            String kpi = "k" + (i % 4);
            String day = LocalDate.of(2026, 1, 1).plusDays(i / 40).toString();
            if (i % 100 == 37) {
                badLines.add(line);
                csv.append(badRow(i, kpi, day));
            } else {
                csv.append(kpi).append(",r-").append(i).append(',').append(day).append(',').append(i % 97).append(".5,sheet,\n");
            }
        }

        JsonNode first = postCsv("sheet", csv.toString(), 200);
        assertThat(first.get("recorded").asLong()).isEqualTo(9_900);
        assertThat(first.get("duplicates").asLong()).isZero();
        assertThat(first.get("rejected").asLong()).isEqualTo(100);
        List<Long> reported = new ArrayList<>();
        first.get("rows").forEach(row -> {
            reported.add(row.get("row").asLong());
            assertThat(row.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(row.get("detail").asText()).isNotBlank();
        });
        assertThat(reported).isEqualTo(badLines);
        assertThat(statusOfLine(first, 39)).isEqualTo(400);     // i = 37: a value that is no number
        assertThat(statusOfLine(first, 139)).isEqualTo(404);    // i = 137: an unknown KPI
        assertThat(statusOfLine(first, 239)).isEqualTo(400);    // i = 237: not a date
        assertThat(statusOfLine(first, 339)).isEqualTo(409);    // i = 337: readingId r-0 again with another value
        assertThat(recorded("sheet")).isEqualTo(9_900);

        JsonNode again = postCsv("sheet", csv.toString(), 200);
        assertThat(again.get("recorded").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(9_900);
        assertThat(again.get("rejected").asLong()).isEqualTo(100);
        assertThat(recorded("sheet")).isEqualTo(9_900);
    }

    /** Four kinds of bad row, in turn: a value, a KPI, a date, a reused readingId. */
    private static String badRow(int i, String kpi, String day) {
        return switch ((i / 100) % 4) {
            case 0 -> kpi + ",r-" + i + "," + day + ",twelve,sheet,\n";
            case 1 -> "no-such-kpi,r-" + i + "," + day + ",1,sheet,\n";
            case 2 -> kpi + ",r-" + i + ",31/12/2026,1,sheet,\n";
            default -> "k0,r-0,2026-01-01,123456,sheet,\n";
        };
    }

    @Test
    void aMissingColumnIsRefusedBeforeAnyRowIsRecorded() throws Exception {
        JsonNode problem = postCsv("refused", "kpiId,readingId,value\nk0,m-1,3\n", 400);
        assertThat(problem.get("type").asText()).endsWith("/invalid-csv");
        assertThat(problem.get("detail").asText()).contains("measuredAt");
        assertThat(postCsv("refused", "", 400).get("detail").asText()).contains("empty");
        assertThat(postCsv("refused", "kpiId,readingId,measuredAt,value,KPIID\nk0,m-1,2026-01-01,3,k0\n", 400)
                .get("detail").asText()).contains("twice");
        assertThat(recorded("refused")).isZero();
    }

    @Test
    void columnsInAnyOrderWithExtraColumnsAByteOrderMarkCrlfAndQuotedCommasAreRead() throws Exception {
        String csv = "\uFEFFnote,Value,comment,measuredAt,readingId,kpiId\r\n"
                + "\"late, but counted\",1.5,x,2026-02-01,h-1,k0\r\n"
                + "\"two\r\nlines, \"\"quoted\"\"\",2.5,y,2026-02-08T09:30:00Z,h-2,k0\r\n"
                + ",3.5,,2026-02-15,h-3,k0\r\n"
                + "oops,,z,2026-02-22,h-4,k0\r\n";
        JsonNode report = postCsv("headers", csv, 200, "?rows=all");
        assertThat(report.get("recorded").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        JsonNode rows = report.get("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("row").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(rows.get(1).get("row").asLong()).isEqualTo(3);
        assertThat(rows.get(2).get("row").asLong()).isEqualTo(5);
        assertThat(rows.get(3).get("row").asLong()).isEqualTo(6);
        assertThat(rows.get(3).get("detail").asText()).contains("value is required");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode first = JSON.readTree(service.get("/api/v1/programmes/headers/kpis/k0/readings/h-1"));
            assertThat(first.toString()).contains("late, but counted");
            JsonNode second = JSON.readTree(service.get("/api/v1/programmes/headers/kpis/k0/readings/h-2"));
            assertThat(second.toString()).contains("two\\r\\nlines, \\\"quoted\\\"");
        });
    }

    @Test
    void aFileThatStopsBeingCsvKeepsTheRowsBeforeAndSaysFromWhichLine() throws Exception {
        String csv = HEADER + "k0,u-1,2026-03-01,1,,\nk0,u-2,2026-03-02,2,,\"never closed\nk0,u-3,2026-03-03,3,,\n";
        JsonNode report = postCsv("broken", csv, 200);
        assertThat(report.get("recorded").asLong()).isEqualTo(1);
        assertThat(report.get("rows").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(report.get("rows").get(0).get("detail").asText()).contains("line 3");
    }

    @Test
    void anUnknownProgrammeIsNotFoundAndOtherMediaTypesAreRefused() throws Exception {
        assertThat(postCsv("no-such-programme", HEADER + "k0,a,2026-01-01,1,,\n", 404).get("status").asInt()).isEqualTo(404);
        HttpResponse<String> json = service.send("POST", "/api/v1/programmes/headers/readings", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(415);
    }

    @Test
    void theCsvLimitIsItsOwnApartFromTheJsonApisMegabyteForDeclaredAndChunkedBodies() throws Exception {
        JsonNode twoMegabytes = postCsv("limits", rowsWithLongNotes(1_000), 200);
        assertThat(twoMegabytes.get("recorded").asLong()).isEqualTo(1_000);

        String fourMegabytes = rowsWithLongNotes(2_000);
        assertThat(postCsv("limits", fourMegabytes, 413).get("type").asText()).endsWith("/too-large");
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/v1/programmes/limits/readings"))
                .header("Authorization", TestCredentials.ADMIN_AUTHORIZATION)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fourMegabytes.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    private static String rowsWithLongNotes(int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        String note = "n".repeat(1_990);
        for (int i = 0; i < rows; i++) {
            csv.append("k0,l-").append(i).append(",2026-04-01,").append(i).append(",limits,").append(note).append('\n');
        }
        return csv.toString();
    }

    private static int statusOfLine(JsonNode report, long line) {
        for (JsonNode row : report.get("rows")) {
            if (row.get("row").asLong() == line) {
                return row.get("status").asInt();
            }
        }
        throw new AssertionError("line " + line + " not reported");
    }

    private static JsonNode postCsv(String programme, String csv, int status) throws Exception {
        return postCsv(programme, csv, status, "");
    }

    private static JsonNode postCsv(String programme, String csv, int status, String query) throws Exception {
        // a long wait: the machine running the tests may be busy with more than this test
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(service.base() + "/api/v1/programmes/" + programme + "/readings" + query))
                .header("Authorization", TestCredentials.ADMIN_AUTHORIZATION)
                .header("Content-Type", "text/csv; charset=utf-8")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static long recorded(String programme) {
        return store.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier like ? and payload_type = 'nl.koers.api.kpi.ReadingRecorded'""")
                .param(programme + "/%").query(Long.class).single();
    }
}

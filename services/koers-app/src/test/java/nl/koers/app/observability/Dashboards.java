package nl.koers.app.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Grafana dashboards of {@code dashboards/}: their panels, queries and variables, as the tests read them. */
final class Dashboards {

    static final String PROMETHEUS = "koers-prometheus";
    static final String POSTGRES = "koers-postgres";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dashboards() {
    }

    /**
     * One query of a dashboard: of a panel, of a template variable (panel title "variable NAME") or of an annotation
     * ("annotation NAME").
     */
    record Query(String dashboard, String panel, String datasource, String text) {

        @Override
        public String toString() {
            return dashboard + " / " + panel + " [" + datasource + "]: " + text;
        }
    }

    static Map<String, JsonNode> all() {
        try (Stream<Path> files = Files.list(Repository.file("dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted()
                    .collect(java.util.stream.Collectors.toMap(file -> file.getFileName().toString(), Dashboards::read,
                            (a, b) -> a, java.util.LinkedHashMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel, those inside collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        return panels;
    }

    /**
     * The queries of {@code datasource} ({@link #POSTGRES} or {@link #PROMETHEUS}) that return no row, or no series
     * with a number, with the variables filled in: {@code $programme}, {@code $kpi}, a rate interval of a minute and
     * a time filter from {@code from} to {@code to}.
     */
    static List<String> withoutData(String datasource, JdbcClient jdbc, Prometheus prometheus, String programme,
                                    String kpi, Instant from, Instant to) throws IOException, InterruptedException {
        List<String> empty = new ArrayList<>();
        for (Query query : queries()) {
            if (!query.datasource().equals(datasource)) {
                continue;
            }
            String text = datasource.equals(POSTGRES) ? sql(query.text(), programme, kpi, from, to)
                    : query.text().replace("$programme", programme).replace("$__rate_interval", "1m");
            if (datasource.equals(POSTGRES) ? jdbc.sql(text).query().listOfRows().isEmpty()
                    : prometheus.query(text).stream().noneMatch(Dashboards::isNumber)) {
                empty.add(query.toString());
            }
        }
        return empty;
    }

    /**
     * A panel's SQL as Grafana's PostgreSQL data source sends it: the variables {@code $programme} and {@code $kpi}
     * filled in ({@code ${kpi:sqlstring}} quoted, as a repeated panel of the multi-valued {@code kpi} needs it),
     * {@code $__timeFrom()} and {@code $__timeTo()} as quoted instants, {@code $__timeFilter(column)} as
     * {@code column BETWEEN} them.
     */
    static String sql(String text, String programme, String kpi, Instant from, Instant to) {
        String quotedFrom = "'" + from + "'";
        String quotedTo = "'" + to + "'";
        return text.replace("${kpi:sqlstring}", "'" + kpi.replace("'", "''") + "'")
                .replace("$programme", programme).replace("$kpi", kpi)
                .replace("$__timeFrom()", quotedFrom).replace("$__timeTo()", quotedTo)
                .replaceAll("\\$__timeFilter\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)",
                        "$1 BETWEEN " + quotedFrom + " AND " + quotedTo);
    }

    private static boolean isNumber(JsonNode series) {
        JsonNode value = series.has("value") ? series.path("value") : series;
        String number = value.path(1).asText();
        return !number.isEmpty() && !number.equals("NaN") && !number.contains("Inf");
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        all().forEach((name, dashboard) -> {
            for (JsonNode panel : panels(dashboard)) {
                panel.path("targets").forEach(target -> queries.add(new Query(name, panel.path("title").asText(),
                        target.path("datasource").path("uid").asText(panel.path("datasource").path("uid").asText()),
                        target.has("rawSql") ? target.path("rawSql").asText() : target.path("expr").asText())));
            }
            dashboard.path("annotations").path("list").forEach(annotation -> queries.add(new Query(name,
                    "annotation " + annotation.path("name").asText(), annotation.path("datasource").path("uid").asText(),
                    annotation.path("target").path("rawSql").asText())));
            dashboard.path("templating").path("list").forEach(variable -> {
                if (variable.path("type").asText().equals("query")) {
                    queries.add(new Query(name, "variable " + variable.path("name").asText(),
                            variable.path("datasource").path("uid").asText(), variable.path("query").asText()));
                }
            });
        });
        return queries;
    }
}

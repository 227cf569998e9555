package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboards are Grafana dashboards that load as provisioned: valid structure, unique ids, datasources that
 * exist in the provisioning, variables that exist, and the docker-compose stack mounts what the provisioning reads.
 */
class DashboardsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    private static final Set<String> BUILT_IN = Set.of("__timeFilter", "__timeFrom", "__timeTo", "__rate_interval",
            "__interval", "__range");

    @Test
    void everyDashboardIsAGrafanaDashboardWithAUniqueUidAndUniquePanelIds() {
        Map<String, JsonNode> dashboards = Dashboards.all();
        assertThat(dashboards).hasSize(5);
        Set<String> uids = new HashSet<>();
        dashboards.forEach((name, dashboard) -> {
            assertThat(dashboard.path("schemaVersion").asInt()).as(name).isGreaterThanOrEqualTo(36);
            assertThat(dashboard.path("title").asText()).as(name).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asText())).as(name + " uid is unique").isTrue();
            List<Integer> ids = Dashboards.panels(dashboard).stream().map(panel -> panel.path("id").asInt()).toList();
            assertThat(ids).as(name + " panel ids").doesNotHaveDuplicates().doesNotContain(0);
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                JsonNode grid = panel.path("gridPos");
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(name + " " + panel.path("title")).isBetween(1, 24);
                assertThat(grid.path("h").asInt()).as(name + " " + panel.path("title")).isPositive();
                if (!panel.path("type").asText().equals("row")) {
                    assertThat(panel.path("targets").size()).as(name + " " + panel.path("title") + " has queries").isPositive();
                    List<String> refIds = new ArrayList<>();
                    panel.path("targets").forEach(target -> refIds.add(target.path("refId").asText()));
                    assertThat(refIds).as(name + " " + panel.path("title") + " refIds").doesNotHaveDuplicates();
                }
            }
        });
    }

    @Test
    void everyQueryUsesAProvisionedDatasourceOfItsTypeAndSaysSomething() throws IOException {
        Map<String, String> provisioned = provisionedDatasources();
        assertThat(provisioned).containsOnlyKeys(Dashboards.PROMETHEUS, Dashboards.POSTGRES);
        Dashboards.all().forEach((name, dashboard) -> {
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                List<JsonNode> sources = new ArrayList<>();
                sources.add(panel.path("datasource"));
                panel.path("targets").forEach(target -> sources.add(target.path("datasource")));
                dashboard.path("templating").path("list").forEach(variable -> {
                    if (variable.path("type").asText().equals("query")) {
                        sources.add(variable.path("datasource"));
                    }
                });
                for (JsonNode source : sources) {
                    String uid = source.path("uid").asText();
                    assertThat(provisioned).as(name + " " + panel.path("title")).containsKey(uid);
                    assertThat(source.path("type").asText()).as(name + " " + panel.path("title")).isEqualTo(provisioned.get(uid));
                }
            }
        });
        assertThat(Dashboards.queries()).allSatisfy(query -> assertThat(query.text()).as(query.toString()).isNotBlank());
    }

    @Test
    void everyVariableUsedIsDefined() {
        Dashboards.all().forEach((name, dashboard) -> {
            Set<String> defined = new HashSet<>();
            dashboard.path("templating").path("list").forEach(variable -> defined.add(variable.path("name").asText()));
            List<String> texts = new ArrayList<>();
            Dashboards.queries().stream().filter(query -> query.dashboard().equals(name)).forEach(query -> texts.add(query.text()));
            Dashboards.panels(dashboard).forEach(panel -> {
                texts.add(panel.path("title").asText());
                if (panel.has("repeat")) {
                    texts.add("$" + panel.path("repeat").asText());
                }
            });
            Set<String> used = texts.stream().flatMap(text -> {
                Matcher matcher = VARIABLE.matcher(text);
                List<String> names = new ArrayList<>();
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                return names.stream();
            }).filter(variable -> !BUILT_IN.contains(variable)).collect(Collectors.toSet());
            assertThat(defined).as(name + " defines the variables it uses").containsAll(used);
        });
    }

    @Test
    void theComposeStackMountsWhatTheProvisioningReads() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKeys("app", "postgres", "kafka", "prometheus", "alertmanager", "grafana");
        assertThat(volumes(services, "alertmanager")).contains("./deploy/alertmanager:/etc/alertmanager:ro");
        assertThat(volumes(services, "grafana")).contains(
                "./dashboards/provisioning:/etc/grafana/provisioning:ro",
                "./dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(volumes(services, "prometheus")).contains("./deploy/prometheus:/etc/prometheus:ro");
        Map<String, Object> provider = map(((List<?>) yaml("dashboards/provisioning/dashboards/koers.yml").get("providers")).get(0));
        assertThat(map(provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
        for (String service : services.keySet()) {
            assertThat(map(services.get(service))).as(service + " has a health check").containsKey("healthcheck");
        }
    }

    private static List<String> volumes(Map<String, Object> services, String service) {
        return ((List<?>) map(services.get(service)).get("volumes")).stream().map(String::valueOf).toList();
    }

    private static Map<String, String> provisionedDatasources() throws IOException {
        return ((List<?>) yaml("dashboards/provisioning/datasources/koers.yml").get("datasources")).stream()
                .map(DashboardsTest::map)
                .collect(Collectors.toMap(source -> (String) source.get("uid"), source -> (String) source.get("type")));
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(Repository.file(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}

package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Alertmanager configuration of {@code deploy/alertmanager/} passes {@code amtool check-config} (Debian's
 * {@code prometheus-alertmanager}, which {@code .ci/run} installs; skipped where it is missing unless
 * {@code KOERS_REQUIRE_ALERTMANAGER=true}), and Prometheus sends its alerts there.
 */
class AlertmanagerConfigTest {

    private final Path directory = Repository.file("deploy/alertmanager");

    @Test
    void theConfigurationPassesAmtool() throws Exception {
        Path amtool = Prometheus.tool("amtool", "prometheus-alertmanager", "KOERS_REQUIRE_ALERTMANAGER");
        Prometheus.Result check = Prometheus.run(directory, amtool.toString(), "check-config", "alertmanager.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusSendsItsAlertsToTheComposeAlertmanager() throws Exception {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(Repository.file("deploy/prometheus/prometheus.yml")));
        Map<String, Object> alerting = (Map<String, Object>) prometheus.get("alerting");
        Map<String, Object> alertmanager = (Map<String, Object>) ((List<Object>) alerting.get("alertmanagers")).get(0);
        Map<String, Object> targets = (Map<String, Object>) ((List<Object>) alertmanager.get("static_configs")).get(0);
        assertThat((List<String>) targets.get("targets")).containsExactly("alertmanager:9093");
        assertThat(Files.readString(directory.resolve("alertmanager.yml")))
                .contains("# - name: programme-office-email", "#   email_configs:", "#   slack_configs:");
    }
}

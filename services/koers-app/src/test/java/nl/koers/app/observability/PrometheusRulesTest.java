package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The Prometheus configuration and alert rules of {@code deploy/prometheus/}, checked and unit-tested by promtool. */
class PrometheusRulesTest {

    private final Path promtool = Prometheus.tool("promtool");
    private final Path directory = Repository.file("deploy/prometheus");

    @Test
    void theConfigurationIsValid() throws Exception {
        Prometheus.Result check = Prometheus.run(directory, promtool.toString(), "check", "config", "prometheus.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void theAlertRulesAreValid() throws Exception {
        Prometheus.Result check = Prometheus.run(directory, promtool.toString(), "check", "rules", "alerts.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 8 rules found");
    }

    @Test
    void everyAlertHasAUnitTest() throws IOException {
        Set<String> alerts = names("alerts.yml", Pattern.compile("- alert: (\\w+)"));
        assertThat(alerts).hasSize(8);
        assertThat(names("alerts-test.yml", Pattern.compile("alertname: (\\w+)"))).containsAll(alerts);
    }

    @Test
    void everyAlertPassesItsUnitTests() throws Exception {
        Prometheus.Result test = Prometheus.run(directory, promtool.toString(), "test", "rules", "alerts-test.yml");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    private Set<String> names(String file, Pattern pattern) throws IOException {
        return pattern.matcher(Files.readString(directory.resolve(file))).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
    }
}

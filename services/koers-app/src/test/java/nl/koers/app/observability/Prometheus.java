package nl.koers.app.observability;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus (and its promtool) from the machine: Debian's {@code prometheus} package, which {@code .ci/run}
 * installs. Where it is missing the tests that need it are skipped, unless {@code KOERS_REQUIRE_PROMETHEUS=true}
 * (as in CI), which makes them fail instead.
 */
final class Prometheus implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path directory;
    private final String base;

    private Prometheus(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Whether Prometheus is installed here; where it must be and is not, fails as {@link #tool(String)} does. */
    static boolean installed() {
        try {
            tool("prometheus");
            return true;
        } catch (org.opentest4j.TestAbortedException notInstalled) {
            return false;
        }
    }

    /** The path of {@code tool} (prometheus, promtool), or the test is skipped or failed as described above. */
    static Path tool(String tool) {
        return tool(tool, "prometheus", "KOERS_REQUIRE_PROMETHEUS");
    }

    /** The path of {@code tool} from Debian's package {@code debianPackage}; required where {@code requirement} is true. */
    static Path tool(String tool, String debianPackage, String requirement) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty() && "true".equals(System.getenv(requirement))) {
            fail(tool + " is not installed (apt-get install " + debianPackage + ") and " + requirement + "=true");
        }
        assumeTrue(found.isPresent(), tool + " is not installed: apt-get install " + debianPackage + " to run this test");
        return found.get();
    }

    /** Runs a tool to its end; answers its exit code and output together. */
    static Result run(Path workingDirectory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }

    /** Starts Prometheus scraping {@code target} (host:port) every second, with the repository's alert rules. */
    static Prometheus scraping(String target) throws IOException, InterruptedException {
        Path binary = tool("prometheus");
        Path directory = Files.createTempDirectory("koers-prometheus");
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: koers
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                """.formatted(Repository.file("deploy/prometheus/alerts.yml"), target));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        Prometheus prometheus = new Prometheus(process, directory, port);
        prometheus.awaitReady();
        return prometheus;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Prometheus stopped: " + Files.readString(directory.resolve("prometheus.log")));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail("Prometheus did not become ready: " + Files.readString(directory.resolve("prometheus.log")));
    }

    /** The result of an instant query: its series (empty when none); fails on a query Prometheus refuses. */
    List<JsonNode> query(String promQl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                + URLEncoder.encode(promQl, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            fail("Prometheus refused " + promQl + ": " + response.body());
        }
        JsonNode result = body.path("data").path("result");
        if (body.path("data").path("resultType").asText().equals("scalar")) {
            return List.of(result);
        }
        return JSON.convertValue(result, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

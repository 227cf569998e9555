package nl.koers.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The whole service started as it runs in production, on a free port, talked to over real HTTP as the admin
 * ({@link TestCredentials}). Arguments are command-line arguments, so they win over application.yml.
 */
public final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext context;
    private final String base;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static RunningService start(String... arguments) {
        return start(new SpringApplicationBuilder(KoersApplication.class), arguments);
    }

    private static RunningService start(SpringApplicationBuilder application, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new RunningService(application.run(all));
    }

    /** On a database of the test JVM's PostgreSQL, the time-driven sweep left to the test. */
    public static RunningService onDatabase(String jdbcUrl, String... arguments) {
        return start(onDatabaseArguments(jdbcUrl, arguments));
    }

    /**
     * On a database of the test JVM's PostgreSQL with {@code clock} as the application's clock (the rules', the
     * sweep's); instances given the same clock agree on the time. Events are stamped by Axon's clock, which the test
     * sets itself ({@code GenericEventMessage.clock}).
     */
    public static RunningService onDatabase(String jdbcUrl, Clock clock, String... arguments) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(KoersApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)));
        return start(application, onDatabaseArguments(jdbcUrl, arguments));
    }

    private static String[] onDatabaseArguments(String jdbcUrl, String... arguments) {
        String[] all = new String[arguments.length + 4];
        all[0] = "--koers.embedded-database.enabled=false";
        all[1] = "--spring.datasource.url=" + jdbcUrl;
        all[2] = "--spring.datasource.username=postgres";
        all[3] = "--koers.signals.sweep-initial-delay=PT1H";
        System.arraycopy(arguments, 0, all, 4, arguments.length);
        return all;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Any request, with any body bytes (none when {@code body} is null); the path may carry a query. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = asAdmin(path).timeout(TIMEOUT);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without a body with one header of the caller's, such as a store position to wait for. */
    public HttpResponse<String> sendWithHeader(String method, String path, String header, String value)
            throws IOException, InterruptedException {
        return HTTP.send(asAdmin(path).timeout(TIMEOUT).header(header, value)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts and fails unless the service answers {@code status}. */
    public HttpResponse<String> post(String path, String json, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, json);
        if (response.statusCode() != status) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ", not " + status
                    + ": " + response.body());
        }
        return response;
    }

    /**
     * A programme running through 2026 with KPIs of weekly readings, higher is better, so wide a tolerance that no
     * reading is ever off plan: for tests of the write path that care for readings, not signals.
     */
    public void defineProgrammeWithKpis(String programmeId, List<String> kpiIds) throws IOException, InterruptedException {
        post("/api/v1/programmes", """
                {"id": "%s", "name": "Load", "startDate": "2026-01-01", "plannedEndDate": "2027-01-01"}""".formatted(programmeId), 201);
        for (String kpi : kpiIds) {
            post("/api/v1/programmes/" + programmeId + "/kpis", """
                    {"id": "%s", "name": "K", "unit": "n", "direction": "HIGHER_IS_BETTER", "baseline": 0,
                     "baselineDate": "2026-01-01", "target": 1000000, "targetDate": "2026-12-31",
                     "tolerance": 1000000, "cadence": "P1W"}""".formatted(kpi), 201);
        }
    }

    public String get(String path) throws IOException, InterruptedException {
        return response(path).body();
    }

    /** GET, with the status and headers. */
    public HttpResponse<String> response(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    /** GET of a binary answer, such as a workbook; fails unless the service answers 200. */
    public byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(asAdmin(path).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The service's address, for requests with credentials of their own. */
    public String base() {
        return base;
    }

    private HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestCredentials.ADMIN_AUTHORIZATION);
    }

    @Override
    public void close() {
        context.close();
    }
}

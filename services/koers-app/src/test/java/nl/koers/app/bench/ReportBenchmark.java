package nl.koers.app.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import nl.koers.api.evaluation.ScheduleEvaluation;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.app.RunningService;
import nl.koers.app.TestCredentials;
import nl.koers.navigation.programme.ProgrammeReader;
import nl.koers.navigation.report.Document;
import nl.koers.navigation.report.Language;
import nl.koers.navigation.report.SteeringReports;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steering report benchmark (not a test): one programme of 20 KPIs × 200 weekly readings (4,000 readings through
 * the command bus, with all rules and signal detection), 8 milestones and 4 evaluations; then the time to render its
 * report as of the end of the load, p50 / p95 / max of {@code bench.samples} (default 20) after 10 warm-ups: in the
 * service (the as-of facts alone: the programme's events read and folded; then the whole report with its charts as
 * Markdown, HTML or PDF), and over real HTTP.
 * <p>
 * Run: {@code ./mvnw -q -o -pl services/koers-app -am test-compile exec:java
 * -Dbench.main=nl.koers.app.bench.ReportBenchmark} from the root.
 */
public final class ReportBenchmark {

    private static final String PID = "bench-report";
    private static final int KPIS = 20;
    private static final int READINGS = 200;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 20);
    /** Enough for the JIT to compile the fold and the writers before the first timed render. */
    private static final int WARM_UPS = 10;
    private static final LocalDate START = LocalDate.of(2022, 1, 3);

    private RunningService app;

    public static void main(String[] args) {
        Benchmarks.runAndExit(new ReportBenchmark()::run);
    }

    private void run() throws Exception {
        app = Benchmarks.startOnNewDatabase();
        long loadStarted = System.nanoTime();
        load();
        long events = awaitHistory(app.bean(JdbcClient.class));
        Instant asOf = Instant.now().plusSeconds(1);
        SteeringReports reports = app.bean(SteeringReports.class);
        System.out.printf("%nreport benchmark: %d KPIs x %d readings, %d events of %s (loaded in %d s); load average %.2f%n",
                KPIS, READINGS, events, PID, (System.nanoTime() - loadStarted) / 1_000_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-40s %8s %8s %8s %10s%n", "render", "p50 ms", "p95 ms", "max ms", "bytes");
        ProgrammeReader programmes = app.bean(ProgrammeReader.class);
        time("in the service: the as-of facts alone", () -> programmes.report(PID, asOf).orElseThrow().kpis().size());
        time("in the service: HTML (en)", () -> document(reports, asOf, Language.EN).toHtml().length());
        time("in the service: Markdown (en)", () -> document(reports, asOf, Language.EN).toMarkdown().length());
        time("in the service: HTML (nl)", () -> document(reports, asOf, Language.NL).toHtml().length());
        time("in the service: PDF (nl)", () -> document(reports, asOf, Language.NL).toPdf().length);
        String path = app.base() + "/api/v1/programmes/" + PID + "/report?asOf="
                + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
        time("GET over HTTP: text/html", () -> get(path, "text/html"));
        time("GET over HTTP: application/pdf, lang=nl", () -> get(path + "&lang=nl", "application/pdf"));
        time("in the service: HTML (en), again last", () -> document(reports, asOf, Language.EN).toHtml().length());
        time("in the service: Markdown (en), again last", () -> document(reports, asOf, Language.EN).toMarkdown().length());
        app.close();
    }

    private static Document document(SteeringReports reports, Instant asOf, Language language) {
        return reports.report(PID, asOf, null, language).orElseThrow();
    }

    private void load() {
        CommandGateway commands = app.bean(CommandGateway.class);
        LocalDate end = START.plusWeeks(READINGS + 30);
        commands.sendAndWait(new DefineProgramme(PID, "Report benchmark", null, null, START, end, List.of()));
        for (int m = 0; m < 8; m++) {
            commands.sendAndWait(new PlanMilestone(PID, "m" + m, "Milestone " + m, START.plusWeeks(25L * (m + 1))));
        }
        for (int e = 0; e < 4; e++) {
            commands.sendAndWait(new ScheduleEvaluation(PID, "e" + e, "Steering committee " + e,
                    START.plusWeeks(50L * (e + 1))));
        }
        for (int k = 0; k < KPIS; k++) {
            commands.sendAndWait(new DefineKpi(PID, "k" + k, "KPI " + k, "%", Direction.HIGHER_IS_BETTER,
                    BigDecimal.TEN, START, BigDecimal.valueOf(90), end, BigDecimal.valueOf(5), "P1W", null, null));
        }
        Random noise = new Random(18);
        for (int week = 0; week < READINGS; week++) {
            for (int k = 0; k < KPIS; k++) {
                double value = 10 + week * 80.0 / (READINGS + 30) * (0.8 + k * 0.02) + noise.nextGaussian() * 3;
                commands.sendAndWait(new RecordReading(PID, "k" + k, "w" + week, BigDecimal.valueOf(Math.round(value * 10) / 10.0),
                        START.plusWeeks(week).atStartOfDay().toInstant(ZoneOffset.UTC), "bench", null));
            }
        }
    }

    /** Waits until the history holds every event in the store. */
    private static long awaitHistory(JdbcClient jdbc) throws InterruptedException {
        long stored = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        while (jdbc.sql("select coalesce(max(global_index), 0) from nav_history").query(Long.class).single() < stored) {
            Thread.sleep(500);
        }
        return jdbc.sql("select count(*) from nav_history where programme_id = ?").param(PID).query(Long.class).single();
    }

    private static int get(String url, String accept) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", accept)
                    .header("Authorization", TestCredentials.ADMIN_AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body().length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void time(String what, Supplier<Integer> render) {
        int bytes = 0;
        for (int i = 0; i < WARM_UPS; i++) {
            bytes = render.get();
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            render.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-40s %8.1f %8.1f %8.1f %,10d%n", what, millis[SAMPLES / 2],
                millis[(int) Math.ceil(SAMPLES * 0.95) - 1], millis[SAMPLES - 1], bytes);
    }
}

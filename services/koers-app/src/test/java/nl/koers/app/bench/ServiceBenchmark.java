package nl.koers.app.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.RunningService;
import nl.koers.app.TestCredentials;
import nl.koers.app.bench.ReadingPoster.Posting;
import nl.koers.kafka.KafkaBroker;
import nl.koers.navigation.programme.ProgrammeProjection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The service benchmark (issue #8; not a test): the real service on a real PostgreSQL, every figure beside a raw JDBC
 * baseline measured in the same run on the same database. First with a real Kafka broker: HTTP ingest with 1, 8 and
 * 32 clients, ingest through koers.readings, and reading-to-signal latency under steady background load. Then the
 * service again on the same database, Kafka off: the event store seeded to {@code bench.events} events through Axon's
 * storage engine, a rebuild of every projection, and as-of reads of a programme of 10,011 events.
 * <p>
 * Run: see docs/BENCHMARKS.md ({@code ./mvnw -B -P benchmarks -DskipTests verify}). Prints a table and writes
 * {@code target/benchmarks/service.json}.
 */
public final class ServiceBenchmark {

    private static final LocalDate BASELINE_DATE = LocalDate.of(2024, 11, 4);
    private static final int PROGRAMMES = 100;
    private static final int KPIS = 4;
    private static final int PROBE_KPIS = 10;
    private static final int CSV_KPIS = 20;
    private static final int[] BACKGROUND_RATES = {100, 200, 300, 400, 600, 800};
    private static final int REQUIRED_RATE = 200;
    private static final long SIGNAL_DEADLINE_NANOS = Duration.ofSeconds(1).toNanos();

    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final long events = Long.getLong("bench.events", 200_000);
    private final int kafkaReadings = Integer.getInteger("bench.kafkaReadings", 5_000);
    private final int samples = Integer.getInteger("bench.samples", 100);
    /** HTTP ingest before the measured phases, so they measure code the JIT has compiled, as in a running service. */
    private final int warmUpSeconds = Integer.getInteger("bench.warmUpSeconds", 30);
    /** {@code ingest}: only the first part (HTTP and Kafka ingest, reading to signal), for quick rounds. */
    private final boolean ingestOnly = "ingest".equals(System.getProperty("bench.phases"));
    /** {@code csv}: only HTTP ingest with 8 clients and one CSV file of {@code bench.csvRows} readings, Kafka off. */
    private final boolean csvOnly = "csv".equals(System.getProperty("bench.phases"));
    private final int csvRows = Integer.getInteger("bench.csvRows", 100_000);
    private final AtomicLong readings = new AtomicLong();
    private final AtomicInteger probes = new AtomicInteger();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Object> baselines = new LinkedHashMap<>();
    private final Map<String, Object> koers = new LinkedHashMap<>();
    private final Map<String, Object> phases = new LinkedHashMap<>();
    /** Posts to the service running now. */
    private final ReadingPoster poster = new ReadingPoster(() -> this.app.base(), this::nextReading);

    private final HeapPeak heap = new HeapPeak();
    private Database database;
    private RunningService app;

    public static void main(String[] args) {
        Benchmarks.runAndExit(new ServiceBenchmark()::run);
    }

    private void run() throws Exception {
        database = Database.fromProperties();
        phaseEnded("begin");
        JdbcBaselines jdbc = new JdbcBaselines(database, seconds);
        if (csvOnly) {
            csvAndSingleReadings(jdbc);
        } else {
            everyPhase(jdbc);
        }
        jdbc.dropTables();

        results.put("machine", machine());
        results.put("phases", phases);
        results.put("summary", Summary.of(koers, baselines));
        results.put("koers", koers);
        results.put("baselines", baselines);
        Benchmarks.report("service", results);
    }

    /** Readings posted one by one (8 clients) beside the same readings in one CSV file, Kafka off. */
    private void csvAndSingleReadings(JdbcBaselines jdbc) throws Exception {
        app = RunningService.start(database.serviceArguments());
        jdbc.createTables();
        baselines.put("batchedInserts", jdbc.batchedInserts());
        phaseEnded("baselinesWritten");
        KafkaBenchmark.definePortfolio(app.bean(CommandGateway.class), "bench-", PROGRAMMES, KPIS);
        httpIngest(8, Math.min(seconds, 5));
        koers.put("httpIngest8", withCpu(() -> httpIngest(8, seconds)));
        phaseEnded("httpIngest");
        koers.put("csvIngest", withCpu(this::csvIngest));
        phaseEnded("csvIngest");
        app.close();
    }

    private void everyPhase(JdbcBaselines jdbc) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            app = RunningService.start(Stream.concat(Stream.of(database.serviceArguments()), Stream.of(
                    "--koers.kafka.enabled=true", "--koers.kafka.bootstrap-servers=" + broker.bootstrapServers()))
                    .toArray(String[]::new));
            jdbc.createTables();
            baselines.put("singleRowInserts1", jdbc.singleRowInserts(1));
            baselines.put("singleRowInserts8", jdbc.singleRowInserts(8));
            baselines.put("batchedInserts", jdbc.batchedInserts());
            phaseEnded("baselinesWritten");

            CommandGateway commands = app.bean(CommandGateway.class);
            KafkaBenchmark.definePortfolio(commands, "bench-", PROGRAMMES, KPIS);
            KafkaBenchmark.definePortfolio(commands, "probe-", samples * (BACKGROUND_RATES.length + 1) / PROBE_KPIS + 1, PROBE_KPIS);
            httpIngest(32, warmUpSeconds);
            for (int clients : new int[] {1, 8, 32}) {
                koers.put("httpIngest" + clients, withCpu(() -> httpIngest(clients, seconds)));
            }
            phaseEnded("httpIngest");
            koers.put("csvIngest", withCpu(this::csvIngest));
            phaseEnded("csvIngest");
            koers.put("kafkaIngest", withCpu(() -> kafkaIngest(broker.bootstrapServers())));
            phaseEnded("kafkaIngest");
            koers.put("readingToSignal", readingToSignal());
            phaseEnded("readingToSignal");
            app.close();
        }
        if (!ingestOnly) {
            afterIngest(jdbc);
        }
    }

    /** Seeding, rebuild and as-of, on the service started again without Kafka. */
    private void afterIngest(JdbcBaselines jdbc) throws Exception {
        app = RunningService.start(database.serviceArguments());
        Instant seedingStarted = Instant.now();
        koers.put("seeding", seed());
        phaseEnded("seeding");
        Instant seedingEnded = Instant.now().plusSeconds(1);
        baselines.put("sequentialRead", jdbc.sequentialRead());
        baselines.put("readAndUpsert", jdbc.readAndUpsert());
        phaseEnded("baselinesRead");
        koers.put("rebuild", rebuild(app));
        phaseEnded("rebuild");
        String programme = "/api/v1/programmes/" + StoreSeeder.AS_OF_PROGRAMME;
        koers.put("asOfProgramme", timeGets(programme + "?asOf=" + encode(seedingEnded)));
        koers.put("asOfChanges", timeGets(programme + "/changes?from=" + encode(seedingStarted) + "&to=" + encode(seedingEnded)));
        phaseEnded("asOf");
        app.close();
    }

    private interface Phase {
        Map<String, Object> run() throws Exception;
    }

    /**
     * The phase's figures with the CPU each reading cost, from the phase's start until every event processor has
     * handled the readings it stored (projections and the Kafka publisher included): the service's JVM threads by
     * group, the load driver's threads apart, and PostgreSQL's processes.
     */
    private Map<String, Object> withCpu(Phase phase) throws Exception {
        ThreadCpu before = ThreadCpu.now();
        long postgresBefore = Benchmarks.postgresCpuNanos(app);
        Map<String, Object> figures = new LinkedHashMap<>(phase.run());
        awaitProcessorsCaughtUp();
        long readingsDone = ((Number) figures.get("readings")).longValue();
        Map<String, Object> cpu = ThreadCpu.now().microsPerUnitSince(before, readingsDone);
        cpu.put("postgres", Benchmarks.round((Benchmarks.postgresCpuNanos(app) - postgresBefore) / 1e3 / readingsDone));
        figures.put("cpuMicrosPerReading", cpu);
        System.out.println("service benchmark: " + figures);
        return figures;
    }

    /** Waits until every streaming processor's segments stand at the event store's head. */
    private void awaitProcessorsCaughtUp() throws Exception {
        long head;
        try (Connection connection = database.connect(); var rows = connection.createStatement()
                .executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rows.next();
            head = rows.getLong(1);
        }
        EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(0) >= head))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The event processors did not reach " + head + " within 5 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** When a phase ended (to find it in the flight recording) and the machine's load average then. */
    private void phaseEnded(String phase) {
        phases.put(phase, Map.of("endedAt", Instant.now().toString(), "loadAverage", Benchmarks.loadAverage()));
        System.out.println("service benchmark: " + phase + " done " + phases.get(phase));
    }

    private Map<String, Object> machine() throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("heap", heap.mebibytes());
        machine.put("fsync", database.setting("fsync"));
        machine.put("synchronousCommit", database.setting("synchronous_commit"));
        machine.put("postgresql", database.setting("server_version"));
        return machine;
    }

    /** The next on-plan reading of the portfolio: round its KPIs, a day later each round. */
    private Posting nextReading() {
        long n = readings.getAndIncrement();
        int kpi = (int) (n % (PROGRAMMES * KPIS));
        String programmeId = "bench-" + kpi / KPIS;
        Instant at = BASELINE_DATE.plusDays(n / (PROGRAMMES * KPIS)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Posting(programmeId, kpi % KPIS, "r" + n, KafkaBenchmark.reading(programmeId, kpi % KPIS, at, "r" + n));
    }

    /** Closed loop: {@code clients} threads post readings one after the other for {@code seconds}. */
    private Map<String, Object> httpIngest(int clients, int seconds) throws Exception {
        return poster.closedLoop(clients, seconds);
    }

    /**
     * One CSV file of {@code bench.csvRows} readings, on plan, to a programme of {@value #CSV_KPIS} KPIs of its own,
     * written to disk first and streamed from there, so that neither side holds it whole.
     */
    private Map<String, Object> csvIngest() throws Exception {
        KafkaBenchmark.definePortfolio(app.bean(CommandGateway.class), "csv-", 1, CSV_KPIS);
        Path file = Files.createTempFile("koers-readings", ".csv");
        try {
            try (BufferedWriter csv = Files.newBufferedWriter(file)) {
                csv.write("kpiId,readingId,measuredAt,value,source\r\n");
                for (int n = 0; n < csvRows; n++) {
                    Instant at = BASELINE_DATE.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(n / CSV_KPIS));
                    csv.write("kpi-" + n % CSV_KPIS + ",c" + n + "," + at + "," + KafkaBenchmark.planValue(at).toPlainString()
                            + ",spreadsheet\r\n");
                }
            }
            long started = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(app.base() + "/api/v1/programmes/csv-0/readings"))
                    .header("Authorization", TestCredentials.ADMIN_AUTHORIZATION)
                    .header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The CSV file was answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode report = new ObjectMapper().readTree(response.body());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("rows", csvRows);
            figures.put("bytes", Files.size(file));
            figures.put("readings", report.get("recorded").asLong());
            figures.put("rejected", report.get("rejected").asLong());
            figures.put("seconds", Benchmarks.round(elapsed));
            figures.put("readingsPerSecond", Benchmarks.round(report.get("recorded").asLong() / elapsed));
            return figures;
        } finally {
            Files.delete(file);
        }
    }

    /** Readings published on koers.readings as fast as the producer goes, each timed until its event is stored. */
    private Map<String, Object> kafkaIngest(String brokers) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        StoredReadings stored = new StoredReadings(database, sent, kafkaReadings);
        Thread watcher = new Thread(stored::watch, "stored-readings");
        watcher.start();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers, ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.CLIENT_ID_CONFIG, ThreadCpu.DRIVER_CLIENT_ID),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < kafkaReadings; i++) {
                Posting reading = nextReading();
                sent.put(reading.readingId(), System.nanoTime());
                producer.send(new ProducerRecord<>("koers.readings", reading.programmeId(), reading.json()));
            }
        }
        watcher.join(Duration.ofMinutes(10).toMillis());
        stored.stop();
        if (stored.count() < kafkaReadings) {
            throw new IllegalStateException("Only " + stored.count() + " of " + kafkaReadings + " readings were stored");
        }
        double elapsed = (stored.lastStoredNanos() - started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("readings", kafkaReadings);
        figures.put("seconds", Benchmarks.round(elapsed));
        figures.put("readingsPerSecond", Benchmarks.round(kafkaReadings / elapsed));
        figures.put("producedToStored", Benchmarks.percentiles(stored.latencies()));
        return figures;
    }

    /** Watches the event store for the ReadingRecorded events of readings sent, and when each showed. */
    private static final class StoredReadings {

        private static final String NEW_READINGS = """
                select global_index, convert_from(payload, 'UTF8')::json ->> 'readingId' from domain_event_entry
                where global_index > ? and payload_type = 'nl.koers.api.kpi.ReadingRecorded'""";
        /**
         * Rows become visible in commit order, not index order: look back this far each time (beyond the events of
         * the groups of commands in flight, up to the writers times the group size).
         */
        private static final int LOOK_BACK = 2_000;

        private final Database database;
        private final Map<String, Long> sent;
        private final int expected;
        private final Map<String, Long> stored = new ConcurrentHashMap<>();
        private volatile boolean stopped;

        StoredReadings(Database database, Map<String, Long> sent, int expected) {
            this.database = database;
            this.sent = sent;
            this.expected = expected;
        }

        void watch() {
            try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(NEW_READINGS)) {
                long seen = 0;
                try (ResultSet head = connection.createStatement().executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
                    head.next();
                    seen = head.getLong(1);
                }
                while (!stopped && stored.size() < expected) {
                    query.setLong(1, seen - LOOK_BACK);
                    try (ResultSet rows = query.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            seen = Math.max(seen, rows.getLong(1));
                            String readingId = rows.getString(2);
                            if (sent.containsKey(readingId)) {
                                stored.putIfAbsent(readingId, now);
                            }
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot watch the event store", e);
            }
        }

        void stop() {
            stopped = true;
        }

        int count() {
            return stored.size();
        }

        long lastStoredNanos() {
            return stored.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        }

        long[] latencies() {
            return stored.entrySet().stream().mapToLong(entry -> entry.getValue() - sent.get(entry.getKey())).toArray();
        }
    }

    /**
     * Reading-to-signal latency under steady background load, at rising rates until a rate's p99 reaches a second or
     * its load cannot be kept up; the figure at {@value #REQUIRED_RATE} readings/s is the headline.
     */
    private Map<String, Object> readingToSignal() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("atRest", underLoad(0));
        List<Map<String, Object>> steps = new ArrayList<>();
        int highestSteadyRate = 0;
        boolean failed = false;
        for (int rate : BACKGROUND_RATES) {
            Map<String, Object> step = underLoad(rate);
            steps.add(step);
            if (rate == REQUIRED_RATE) {
                figures.put("at" + REQUIRED_RATE, step);
            }
            failed |= !Boolean.TRUE.equals(step.get("steady"));
            if (failed && rate >= REQUIRED_RATE) {
                break;
            }
            highestSteadyRate = failed ? highestSteadyRate : rate;
        }
        figures.put("highestSteadyRate", highestSteadyRate);
        figures.put("steps", steps);
        return figures;
    }

    /** Background readings posted at {@code rate} per second (open loop, 32 clients; none at 0) while signals are timed. */
    private Map<String, Object> underLoad(int rate) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        if (rate > 0) {
            ticker.scheduleAtFixedRate(() -> clients.execute(() -> (poster.post() ? recorded : errors).incrementAndGet()),
                    0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            Thread.sleep(3_000);
        }
        int recordedBefore = recorded.get();
        long started = System.nanoTime();
        long[] latencies = new long[samples];
        for (int i = 0; i < samples; i++) {
            latencies[i] = probe();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double achieved = (recorded.get() - recordedBefore) / elapsed;
        int failures = errors.get();
        ticker.shutdownNow();
        clients.shutdownNow();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        Map<String, Object> latency = Benchmarks.percentiles(latencies);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("backgroundRate", rate);
        step.put("backgroundAchieved", Benchmarks.round(achieved));
        step.put("backgroundErrors", failures);
        step.put("latency", latency);
        step.put("steady", achieved >= 0.95 * rate && failures == 0
                && (double) latency.get("p99Millis") < SIGNAL_DEADLINE_NANOS / 1e6);
        step.put("loadAverage", Benchmarks.loadAverage());
        return step;
    }

    /** An off-plan reading posted to a KPI of its own, timed until its KPI_OFF_PLAN signal shows on GET /signals. */
    private long probe() throws Exception {
        int n = probes.getAndIncrement();
        String programmeId = "probe-" + n / PROBE_KPIS;
        String kpiId = "kpi-" + n % PROBE_KPIS;
        long started = System.nanoTime();
        HttpResponse<String> posted = app.post("/api/v1/programmes/" + programmeId + "/kpis/" + kpiId + "/readings",
                "{\"value\": 1, \"measuredAt\": \"2025-06-02T00:00:00Z\", \"readingId\": \"off-plan\"}");
        if (posted.statusCode() != 201) {
            throw new IllegalStateException("Reading refused: " + posted.body());
        }
        String signals = "/api/v1/signals?programme=" + programmeId + "&type=KPI_OFF_PLAN&state=OPEN";
        while (!app.get(signals).contains("\"id\":\"" + kpiId + "\"")) {
            if (System.nanoTime() - started > Duration.ofSeconds(30).toNanos()) {
                throw new IllegalStateException("No KPI_OFF_PLAN signal for " + programmeId + "/" + kpiId + " after 30 s");
            }
        }
        return System.nanoTime() - started;
    }

    private Map<String, Object> seed() {
        long started = System.nanoTime();
        long appended = new StoreSeeder(app.bean(EventStorageEngine.class), app.bean(TransactionManager.class)).seed(events);
        double elapsed = (System.nanoTime() - started) / 1e9;
        return Map.of("events", appended, "seconds", Benchmarks.round(elapsed),
                "eventsPerSecond", Benchmarks.round(appended / elapsed));
    }

    /** POST /admin/rebuild, timed until its progress says DONE. */
    static Map<String, Object> rebuild(RunningService app) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> accepted = app.post("/api/v1/admin/rebuild", "{}");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Rebuild refused: " + accepted.body());
        }
        JsonNode progress;
        do {
            Thread.sleep(200);
            progress = new ObjectMapper().readTree(app.get("/api/v1/admin/rebuild"));
        } while (!progress.get("state").asText().equals("DONE"));
        double elapsed = (System.nanoTime() - started) / 1e9;
        long replayed = progress.get("eventsTotal").asLong();
        return Map.of("events", replayed, "seconds", Benchmarks.round(elapsed),
                "eventsPerSecond", Benchmarks.round(replayed / elapsed));
    }

    /** 100 GETs after 5 to warm up, one after the other. */
    private Map<String, Object> timeGets(String path) throws Exception {
        String answer = app.get(path);
        if (answer.contains("koers.dev/problems/")) {
            throw new IllegalStateException(path + " answered " + answer);
        }
        for (int i = 0; i < 5; i++) {
            app.get(path);
        }
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            long started = System.nanoTime();
            app.get(path);
            latencies[i] = System.nanoTime() - started;
        }
        return Benchmarks.percentiles(latencies);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}

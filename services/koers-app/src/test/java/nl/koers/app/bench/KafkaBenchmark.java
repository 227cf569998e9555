package nl.koers.app.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.Direction;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.app.RunningService;
import nl.koers.app.TestDatabase;
import nl.koers.kafka.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The Kafka benchmark (not a test): a real broker and the real service on a real PostgreSQL. Measures readings per
 * second recorded over HTTP and through koers.readings, and the latency from an off-plan reading published on
 * koers.readings to its KPI_OFF_PLAN signal on koers.signals.
 * <p>
 * Run: {@code ./mvnw -q test-compile exec:java -pl services/koers-app -am -Dbench.main=nl.koers.app.bench.KafkaBenchmark}
 * ({@code -Dbench.programmes=50 -Dbench.kpis=4 -Dbench.readings=10 -Dbench.threads=8}). Prints a table and writes
 * {@code target/benchmarks/kafka.json}.
 */
public final class KafkaBenchmark {

    private static final LocalDate BASELINE_DATE = LocalDate.of(2024, 11, 4);
    private static final LocalDate TARGET_DATE = LocalDate.of(2027, 6, 28);

    private final int programmes = Integer.getInteger("bench.programmes", 50);
    private final int kpisPerProgramme = Integer.getInteger("bench.kpis", 4);
    private final int readingsPerKpi = Integer.getInteger("bench.readings", 10);
    private final int threads = Integer.getInteger("bench.threads", 8);
    private final Map<String, Object> results = new LinkedHashMap<>();

    private RunningService app;

    public static void main(String[] args) {
        Benchmarks.runAndExit(new KafkaBenchmark()::run);
    }

    private void run() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            app = RunningService.onDatabase(TestDatabase.newDatabase(), "--logging.level.root=warn",
                    "--koers.kafka.enabled=true", "--koers.kafka.bootstrap-servers=" + broker.bootstrapServers());
            results.put("portfolio", Map.of("programmes", programmes, "kpisPerProgramme", kpisPerProgramme,
                    "readingsPerKpiAndWay", readingsPerKpi, "httpThreads", threads));
            results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "java", System.getProperty("java.version")));
            definePortfolio();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new StringSerializer())) {
                results.put("httpIngest", httpIngest());
                results.put("kafkaIngest", kafkaIngest(producer));
                results.put("readingOnTopicToSignalOnTopic", readingToSignalLatency(producer, broker.bootstrapServers()));
            }
            Benchmarks.report("kafka", results);
            app.close();
        }
    }

    private void definePortfolio() {
        definePortfolio(app.bean(CommandGateway.class), "bench-", programmes, kpisPerProgramme);
    }

    /** Programmes {@code prefix0, prefix1, ...} of KPIs kpi-0, kpi-1, ... from 100 to 200, through the command bus. */
    static void definePortfolio(CommandGateway commands, String prefix, int programmes, int kpisPerProgramme) {
        for (int p = 0; p < programmes; p++) {
            String programmeId = prefix + p;
            commands.sendAndWait(new DefineProgramme(programmeId, "Benchmark " + programmeId, null, "bench",
                    LocalDate.of(2024, 11, 1), LocalDate.of(2027, 12, 31), List.of()));
            for (int k = 0; k < kpisPerProgramme; k++) {
                commands.sendAndWait(new DefineKpi(programmeId, "kpi-" + k, "KPI " + k, "n", Direction.HIGHER_IS_BETTER,
                        BigDecimal.valueOf(100), BASELINE_DATE, BigDecimal.valueOf(200), TARGET_DATE, BigDecimal.TEN,
                        "P1W", null, null));
            }
        }
    }

    /** Weeks 0 .. readings-1 of every KPI, exactly on plan, posted from several threads. */
    private Map<String, Object> httpIngest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (int p = 0; p < programmes; p++) {
            String programmeId = "bench-" + p;
            work.add(pool.submit(() -> {
                for (int k = 0; k < kpisPerProgramme; k++) {
                    for (int week = 0; week < readingsPerKpi; week++) {
                        HttpResponse<String> posted = app.post("/api/v1/programmes/" + programmeId + "/kpis/kpi-" + k
                                + "/readings", reading(programmeId, k, week, "http-" + week));
                        if (posted.statusCode() != 201) {
                            throw new IllegalStateException("Reading refused: " + posted.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return rate(programmes * kpisPerProgramme * readingsPerKpi, started);
    }

    /** The following weeks of every KPI on koers.readings, from the first send until the last is recorded. */
    private Map<String, Object> kafkaIngest(KafkaProducer<String, String> producer) throws Exception {
        double recordedBefore = recorded();
        int total = programmes * kpisPerProgramme * readingsPerKpi;
        long started = System.nanoTime();
        for (int p = 0; p < programmes; p++) {
            String programmeId = "bench-" + p;
            for (int k = 0; k < kpisPerProgramme; k++) {
                for (int week = readingsPerKpi; week < 2 * readingsPerKpi; week++) {
                    producer.send(new ProducerRecord<>("koers.readings", programmeId,
                            reading(programmeId, k, week, "kafka-" + week)));
                }
            }
        }
        producer.flush();
        while (recorded() < recordedBefore + total) {
            if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("Only " + (recorded() - recordedBefore) + " of " + total + " recorded");
            }
            Thread.sleep(10);
        }
        return rate(total, started);
    }

    /** One off-plan reading per KPI on koers.readings, timed until its SignalRaised shows on koers.signals. */
    private Map<String, Object> readingToSignalLatency(KafkaProducer<String, String> producer, String brokers)
            throws Exception {
        int samples = Math.min(200, programmes * kpisPerProgramme);
        long[] millis = new long[samples];
        try (KafkaConsumer<String, byte[]> signals = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = signals.partitionsFor("koers.signals").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            signals.assign(partitions);
            signals.seekToEnd(partitions);
            partitions.forEach(signals::position);
            for (int i = 0; i < samples; i++) {
                String programmeId = "bench-" + (i % programmes);
                String kpiId = "kpi-" + (i / programmes % kpisPerProgramme);
                String expected = "\"id\":\"" + kpiId + "\"";
                long started = System.nanoTime();
                producer.send(new ProducerRecord<>("koers.readings", programmeId, """
                        {"programmeId": "%s", "kpiId": "%s", "value": 1, "measuredAt": "%s", "readingId": "off-plan"}"""
                        .formatted(programmeId, kpiId, measuredAt(2 * readingsPerKpi))));
                producer.flush();
                boolean seen = false;
                while (!seen) {
                    if (System.nanoTime() - started > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("No KPI_OFF_PLAN on koers.signals for " + programmeId + "/" + kpiId);
                    }
                    for (ConsumerRecord<String, byte[]> record : signals.poll(Duration.ofMillis(5))) {
                        String data = new String(record.value(), StandardCharsets.UTF_8);
                        seen |= programmeId.equals(record.key()) && data.contains("KPI_OFF_PLAN") && data.contains(expected)
                                && new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                                .equals("koers.SignalRaised.v1");
                    }
                }
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        return Map.of("samples", samples, "p50Millis", millis[samples / 2],
                "p99Millis", millis[(int) Math.ceil(samples * 0.99) - 1], "maxMillis", millis[samples - 1]);
    }

    /** A reading of KPI {@code k} in week {@code week}, exactly on its plan line (100 to 200). */
    private static String reading(String programmeId, int k, int week, String readingId) {
        return reading(programmeId, k, measuredAt(week), readingId);
    }

    /** A reading of KPI {@code k} at {@code at}, exactly on its plan line (100 to 200). */
    static String reading(String programmeId, int k, Instant at, String readingId) {
        return reading(programmeId, k, at, readingId, planValue(at));
    }

    /** A reading of KPI {@code k} at {@code at} of {@code value}. */
    static String reading(String programmeId, int k, Instant at, String readingId, BigDecimal value) {
        return """
                {"programmeId": "%s", "kpiId": "kpi-%d", "value": %s, "measuredAt": "%s", "readingId": "%s"}"""
                .formatted(programmeId, k, value.toPlainString(), at, readingId);
    }

    /** The value on the plan line of the benchmark's KPIs at {@code at}. */
    static BigDecimal planValue(Instant at) {
        double days = ChronoUnit.SECONDS.between(BASELINE_DATE.atStartOfDay(ZoneOffset.UTC).toInstant(), at) / 86400.0;
        return BigDecimal.valueOf(100 + 100 * days / ChronoUnit.DAYS.between(BASELINE_DATE, TARGET_DATE))
                .setScale(4, RoundingMode.HALF_EVEN);
    }

    private static Instant measuredAt(int week) {
        return BASELINE_DATE.plusWeeks(week).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private double recorded() {
        return app.bean(MeterRegistry.class).get("koers.kafka.readings.consumed").tag("outcome", "recorded").counter().count();
    }

    private static Map<String, Object> rate(int readings, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return Map.of("readings", readings, "seconds", Benchmarks.round(seconds),
                "readingsPerSecond", Benchmarks.round(readings / seconds));
    }
}

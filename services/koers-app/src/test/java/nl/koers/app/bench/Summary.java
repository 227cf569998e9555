package nl.koers.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service benchmark's table: each Koers figure beside its baseline, their ratio and the target. */
final class Summary {

    private final Map<String, Object> koers;
    private final Map<String, Object> baselines;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private Summary(Map<String, Object> koers, Map<String, Object> baselines) {
        this.koers = koers;
        this.baselines = baselines;
    }

    /** The rows, also printed as a Markdown table. */
    static List<Map<String, Object>> of(Map<String, Object> koers, Map<String, Object> baselines) {
        Summary summary = new Summary(koers, baselines);
        summary.rows();
        summary.print();
        return summary.rows;
    }

    private void rows() {
        for (int clients : new int[] {1, 8, 32}) {
            String baseline = clients == 1 ? "singleRowInserts1" : "singleRowInserts8";
            ratio("HTTP ingest, " + clients + " client(s), readings/s (p50 / p99 " + millis("httpIngest" + clients, "latency", "p50Millis")
                            + " / " + millis("httpIngest" + clients, "latency", "p99Millis") + " ms, errors "
                            + value(koers, "httpIngest" + clients, "errors") + ")",
                    value(koers, "httpIngest" + clients, "readingsPerSecond"),
                    "INSERT+COMMIT, " + (clients == 1 ? 1 : 8) + " connection(s), rows/s", value(baselines, baseline, "rowsPerSecond"),
                    clients == 8 ? 0.5 : null);
        }
        ratio("HTTP bulk CSV, one file of " + value(koers, "csvIngest", "readings") + " rows, readings/s",
                value(koers, "csvIngest", "readingsPerSecond"),
                "batched INSERT, 100 a transaction, rows/s", value(baselines, "batchedInserts", "rowsPerSecond"), null);
        ratio("Kafka ingest, readings/s (produce → stored p99 " + millis("kafkaIngest", "producedToStored", "p99Millis") + " ms)",
                value(koers, "kafkaIngest", "readingsPerSecond"),
                "batched INSERT, 100 a transaction, rows/s", value(baselines, "batchedInserts", "rowsPerSecond"), 0.25);
        ratio("rebuild of every projection, events/s (" + value(koers, "rebuild", "events") + " events)",
                value(koers, "rebuild", "eventsPerSecond"),
                "read in pages of 1,000 + one upsert per event, events/s", value(baselines, "readAndUpsert", "eventsPerSecond"), 0.4);
        ratio("seeding through Axon's storage engine, 1,000 a transaction, events/s", value(koers, "seeding", "eventsPerSecond"),
                "batched INSERT, 100 a transaction, rows/s", value(baselines, "batchedInserts", "rowsPerSecond"), null);
        ratio("(baseline) sequential read of the event store, pages of 1,000, events/s", null,
                "", value(baselines, "sequentialRead", "eventsPerSecond"), null);
        limit("reading → signal p99 at rest, ms (p50 " + millis("readingToSignal", "atRest", "latency", "p50Millis") + ")",
                value(koers, "readingToSignal", "atRest", "latency", "p99Millis"), null);
        limit("reading → signal p99 under 200 readings/s, ms (p50 " + millis("readingToSignal", "at200", "latency", "p50Millis") + ")",
                value(koers, "readingToSignal", "at200", "latency", "p99Millis"), 250);
        limit("highest steady background rate with reading → signal p99 < 1 s, readings/s",
                value(koers, "readingToSignal", "highestSteadyRate"), null);
        limit("as-of programme view p95, ms (10,011 events)", value(koers, "asOfProgramme", "p95Millis"), 50);
        limit("/changes over the whole programme p95, ms", value(koers, "asOfChanges", "p95Millis"), 50);
    }

    private void ratio(String figure, Object koersValue, String baseline, Object baselineValue, Double target) {
        Map<String, Object> row = row(figure, koersValue);
        row.put("baseline", baseline);
        row.put("baselineValue", baselineValue);
        if (koersValue instanceof Number k && baselineValue instanceof Number b && b.doubleValue() > 0) {
            double ratio = Math.round(k.doubleValue() / b.doubleValue() * 100) / 100.0;
            row.put("ratio", ratio);
            if (target != null) {
                row.put("target", "≥ " + target);
                row.put("met", ratio >= target);
            }
        }
    }

    private void limit(String figure, Object koersValue, Integer below) {
        Map<String, Object> row = row(figure, koersValue);
        if (below != null && koersValue instanceof Number k) {
            row.put("target", "< " + below + " ms");
            row.put("met", k.doubleValue() < below);
        }
    }

    private Map<String, Object> row(String figure, Object koersValue) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", figure);
        row.put("koers", koersValue);
        rows.add(row);
        return row;
    }

    private void print() {
        System.out.println();
        System.out.println("| figure | Koers | baseline | baseline value | ratio | target | met |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Map<String, Object> row : rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", row.get("figure"), blank(row.get("koers")),
                    blank(row.get("baseline")), blank(row.get("baselineValue")), blank(row.get("ratio")),
                    blank(row.get("target")), blank(row.get("met")));
        }
    }

    private Object millis(String... path) {
        return blank(value(koers, path));
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }

    /** The value at {@code path} in nested maps, or null where there is none. */
    private static Object value(Map<String, Object> figures, String... path) {
        Object value = figures;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }
}

package nl.koers.app.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What PostgreSQL itself does on the same database, without Koers: the baselines the service's figures are divided
 * by. Rows are shaped like the event store's (same columns and unique indexes, a reading-sized JSON payload), written
 * with plain JDBC and committed with the server's durability settings.
 */
final class JdbcBaselines {

    private static final String INSERT = """
            insert into bench_event (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                     time_stamp, payload_type, payload_revision, payload, meta_data)
            values (?, ?, ?, 0, 'Kpi', '2026-11-27T00:00:00Z', 'nl.koers.api.kpi.ReadingRecorded', null, ?, ?)""";
    private static final String UPSERT = """
            insert into bench_projection (aggregate_identifier, last_sequence, last_global_index, payload)
            values (?, ?, ?, ?)
            on conflict (aggregate_identifier) do update set last_sequence = excluded.last_sequence,
                last_global_index = excluded.last_global_index, payload = excluded.payload""";
    private static final String PAGE = """
            select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                   payload_type, payload_revision, payload, meta_data
            from domain_event_entry where global_index > ? order by global_index limit ?""";
    private static final byte[] PAYLOAD = """
            {"programmeId":"bench-1","kpiId":"kpi-1","readingId":"r-123456","value":123.4567,\
            "measuredAt":"2025-01-01T00:00:00Z","source":"bench","note":null}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] META_DATA = "{\"actor\":\"bench\",\"correlationId\":\"00000000-0000-0000-0000-000000000000\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final int PAGE_SIZE = 1_000;

    private final Database database;
    private final long nanos;
    private final AtomicLong globalIndex = new AtomicLong();

    /** Each baseline runs for {@code seconds} (reads: until the table is read or for as long). */
    JdbcBaselines(Database database, int seconds) {
        this.database = database;
        this.nanos = seconds * 1_000_000_000L;
    }

    void createTables() throws SQLException {
        database.execute("drop table if exists bench_event; drop table if exists bench_projection");
        database.execute("create table bench_event (like domain_event_entry including all)");
        database.execute("""
                create table bench_projection (aggregate_identifier varchar(255) primary key, last_sequence bigint not null,
                                               last_global_index bigint not null, payload bytea not null)""");
    }

    void dropTables() throws SQLException {
        database.execute("drop table bench_event; drop table bench_projection");
    }

    /** One event-shaped row per INSERT and COMMIT, from {@code connections} connections at once. */
    Map<String, Object> singleRowInserts(int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            work.add(pool.submit(() -> insertUntil(started + nanos)));
        }
        long[] latencies = new long[0];
        for (Future<long[]> future : work) {
            long[] more = future.get();
            int had = latencies.length;
            latencies = Arrays.copyOf(latencies, had + more.length);
            System.arraycopy(more, 0, latencies, had, more.length);
        }
        pool.shutdown();
        Map<String, Object> figures = rate("rows", latencies.length, started);
        figures.put("connections", connections);
        figures.put("latency", Benchmarks.percentiles(latencies));
        return figures;
    }

    private long[] insertUntil(long deadline) throws SQLException {
        long[] latencies = new long[1024];
        int done = 0;
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                bind(insert);
                insert.executeUpdate();
                if (done == latencies.length) {
                    latencies = Arrays.copyOf(latencies, done * 2);
                }
                latencies[done++] = System.nanoTime() - started;
            }
        }
        return Arrays.copyOf(latencies, done);
    }

    /** Event-shaped rows inserted 100 to a transaction (one JDBC batch), from one connection. */
    Map<String, Object> batchedInserts() throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            while (System.nanoTime() - started < nanos) {
                for (int i = 0; i < 100; i++) {
                    bind(insert);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                rows += 100;
            }
        }
        Map<String, Object> figures = rate("rows", rows, started);
        figures.put("rowsPerTransaction", 100);
        return figures;
    }

    private void bind(PreparedStatement insert) throws SQLException {
        long index = globalIndex.incrementAndGet();
        insert.setLong(1, index);
        insert.setString(2, UUID.randomUUID().toString());
        insert.setString(3, "bench-" + index);
        insert.setBytes(4, PAYLOAD);
        insert.setBytes(5, META_DATA);
    }

    /** The event store read in order, every column, in pages of 1,000 rows (one query a page). */
    Map<String, Object> sequentialRead() throws SQLException {
        return readPages(JdbcBaselines::touch);
    }

    /**
     * The event store read in pages of 1,000 and one upsert written per event (one statement each, keyed by the
     * event's aggregate), a transaction a page: the least a projection rebuild has to do.
     */
    Map<String, Object> readAndUpsert() throws SQLException {
        try (Connection writer = database.connect(); PreparedStatement upsert = writer.prepareStatement(UPSERT)) {
            writer.setAutoCommit(false);
            return readPages(new Rows() {
                @Override
                public void each(ResultSet row) throws SQLException {
                    upsert.setString(1, row.getString(3));
                    upsert.setLong(2, row.getLong(4));
                    upsert.setLong(3, row.getLong(1));
                    upsert.setBytes(4, row.getBytes(9));
                    upsert.executeUpdate();
                }

                @Override
                public void pageDone() throws SQLException {
                    writer.commit();
                }
            });
        }
    }

    /** What is done with each event read, and after each page. */
    private interface Rows {
        void each(ResultSet row) throws SQLException;

        default void pageDone() throws SQLException {
        }
    }

    /** Reads the event store in pages of 1,000 in order, until it is read or the time is up. */
    private Map<String, Object> readPages(Rows rows) throws SQLException {
        long events = 0;
        long started = System.nanoTime();
        try (Connection reader = database.connect(); PreparedStatement page = reader.prepareStatement(PAGE)) {
            long after = -1;
            int read;
            do {
                read = 0;
                page.setLong(1, after);
                page.setInt(2, PAGE_SIZE);
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        rows.each(row);
                        read++;
                    }
                }
                rows.pageDone();
                events += read;
            } while (read == PAGE_SIZE && System.nanoTime() - started < nanos);
        }
        return rate("events", events, started);
    }

    private static void touch(ResultSet rows) throws SQLException {
        for (int column = 2; column <= 10; column++) {
            rows.getObject(column);
        }
    }

    private static Map<String, Object> rate(String what, long count, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(what, count);
        figures.put("seconds", Benchmarks.round(seconds));
        figures.put(what + "PerSecond", Benchmarks.round(count / seconds));
        return figures;
    }
}

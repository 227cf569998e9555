package nl.koers.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Posts readings over HTTP, each thread on its own kept-alive connection ({@link KeepAliveClient}): one at a time, or
 * closed loop from several threads. Shared by the service benchmark and the comparison with a lean CRUD service, so
 * both load a service the same way.
 */
final class ReadingPoster {

    /** A reading to post: its JSON body, to the readings of KPI {@code kpi-<kpi>} of the programme. */
    record Posting(String programmeId, int kpi, String readingId, String json) {

        String path() {
            return "/api/v1/programmes/" + programmeId + "/kpis/kpi-" + kpi + "/readings";
        }
    }

    private final Supplier<String> base;
    private final Supplier<Posting> readings;
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final ThreadLocal<KeepAliveClient> connections = new ThreadLocal<>();

    /** {@code base}: the service's URL, asked at each new connection (a benchmark may start the service anew). */
    ReadingPoster(Supplier<String> base, Supplier<Posting> readings) {
        this.base = base;
        this.readings = readings;
    }

    /** Closed loop: {@code clients} threads post readings one after the other for {@code seconds}. */
    Map<String, Object> closedLoop(int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int done = 0;
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    if (post()) {
                        latencies = done == latencies.length ? Arrays.copyOf(latencies, done * 2) : latencies;
                        latencies[done++] = System.nanoTime() - sent;
                    } else {
                        errors.incrementAndGet();
                    }
                }
                closeConnection();
                return Arrays.copyOf(latencies, done);
            }));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> future : work) {
            latencies.add(future.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("readings", all.length);
        figures.put("errors", errors.get());
        figures.put("seconds", Benchmarks.round(elapsed));
        figures.put("readingsPerSecond", Benchmarks.round(all.length / elapsed));
        figures.put("latency", Benchmarks.percentiles(all));
        return figures;
    }

    /**
     * Posts the next reading on the thread's own kept-alive connection; false unless the service answered 201 (the
     * first failure is printed).
     */
    boolean post() {
        Posting reading = readings.get();
        try {
            KeepAliveClient.Answer answer = connection().post(reading.path(), reading.json());
            if (connections.get().closing()) {
                closeConnection();
            }
            if (answer.status() != 201 && firstFailure.compareAndSet(null, answer.status() + " " + answer.body())) {
                System.err.println("First refused reading: " + firstFailure.get());
            }
            return answer.status() == 201;
        } catch (Exception e) {
            closeConnection();
            if (firstFailure.compareAndSet(null, e.toString())) {
                System.err.println("First failed reading: " + e);
            }
            return false;
        }
    }

    private KeepAliveClient connection() throws IOException {
        if (connections.get() == null) {
            connections.set(new KeepAliveClient(base.get()));
        }
        return connections.get();
    }

    private void closeConnection() {
        try (KeepAliveClient broken = connections.get()) {
            connections.remove();
        } catch (IOException | RuntimeException e) {
            // a connection that failed is dropped; the next request opens another
        }
    }
}

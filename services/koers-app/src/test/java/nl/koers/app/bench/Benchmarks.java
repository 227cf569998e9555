package nl.koers.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** What the benchmarks share: running as a program, and reporting to the console and target/benchmarks. */
final class Benchmarks {

    /** One benchmark run. */
    interface Benchmark {
        void run() throws Exception;
    }

    private Benchmarks() {
    }

    /** Runs the benchmark and exits: status 0 when it completed, 1 when it failed. */
    static void runAndExit(Benchmark benchmark) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Prints the results as a table and writes them to {@code target/benchmarks/<name>.json}. */
    static void report(String name, Map<String, Object> results) throws IOException {
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results);
        Path file = Path.of("target", "benchmarks", name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        System.out.println();
        System.out.println("Koers " + name + " benchmark");
        results.forEach((figure, value) -> System.out.printf("  %-30s %s%n", figure, value));
        System.out.println("  written to " + file.toAbsolutePath());
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

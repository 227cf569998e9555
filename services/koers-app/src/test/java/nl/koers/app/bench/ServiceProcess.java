package nl.koers.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service started as a JVM process of its own on this JVM's classpath (the test classpath when the benchmark runs
 * from Maven), so that its CPU can be read from /proc apart from the load driver's. Its output goes to
 * {@code target/benchmarks/<name>.log}. Closing it stops this process only, by its handle.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * {@code java -Xmx<heap> [-Dbench.<name>.jvmOptions] -cp <this JVM's classpath> <mainClass> --server.port=<a free
     * port> <arguments>}; the options, space-separated, for a flight recording of one of the services, say.
     */
    static ServiceProcess start(String name, String heap, String mainClass, List<String> arguments) throws IOException {
        return start(name, heap, System.getProperty("java.class.path"), mainClass, arguments);
    }

    /** The same on another classpath: Koers built at another commit, say. */
    static ServiceProcess start(String name, String heap, String classpath, String mainClass, List<String> arguments)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Daxoniq.update-checker.disabled=true"));
        String options = System.getProperty("bench." + name + ".jvmOptions", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, mainClass, "--server.port=" + port));
        command.addAll(arguments);
        Path log = Path.of("target", "benchmarks", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(name, process, port, log);
    }

    String base() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the service accepts connections: Spring Boot opens its port once the context has started. */
    ServiceProcess awaitListening() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with status " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1_000);
                return this;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not listen within " + START_TIMEOUT + "; see " + log.toAbsolutePath());
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

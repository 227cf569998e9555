package nl.koers.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The heap's peak use since this was made, as the garbage collector accounts for it: the largest {@code heapUsed} of
 * JFR's {@code jdk.GCHeapSummary}, recorded before and after every collection (the heap is fullest just before one).
 * Measured, not inferred from the heap's limit or the collector's settings.
 */
final class HeapPeak implements AutoCloseable {

    private final Recording recording = new Recording();

    HeapPeak() {
        recording.enable("jdk.GCHeapSummary");
        recording.start();
    }

    /** The peak so far, in MiB. */
    long mebibytes() throws IOException {
        Path dump = Files.createTempFile("heap-peak", ".jfr");
        try {
            recording.dump(dump);
            List<RecordedEvent> summaries = RecordingFile.readAllEvents(dump);
            long peak = summaries.stream().mapToLong(summary -> summary.getLong("heapUsed")).max().orElse(0);
            long now = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            return Math.max(peak, now) >> 20;
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}

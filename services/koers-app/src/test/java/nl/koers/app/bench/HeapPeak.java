package nl.koers.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The heap's use since this was made, as the garbage collector accounts for it in JFR's {@code jdk.GCHeapSummary},
 * recorded before and after every collection: the peak (the largest use, reached just before a collection, which a
 * collector lets grow towards the limit) and the most a collection left in use (an upper bound of the live set: a
 * young collection leaves the old generation's garbage in place). Measured, not inferred from the heap's limit or the
 * collector's settings.
 */
final class HeapPeak implements AutoCloseable {

    private final Recording recording = new Recording();

    HeapPeak() {
        recording.enable("jdk.GCHeapSummary");
        recording.start();
    }

    /** The peak and the most left after a collection so far, in MiB. */
    Map<String, Long> mebibytes() throws IOException {
        Path dump = Files.createTempFile("heap-peak", ".jfr");
        try {
            recording.dump(dump);
            // the dump holds what every recording of the JVM recorded meanwhile (the benchmark's own flight recording too)
            List<RecordedEvent> summaries = RecordingFile.readAllEvents(dump).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.GCHeapSummary")).toList();
            long now = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            long peak = Math.max(now, summaries.stream().mapToLong(summary -> summary.getLong("heapUsed")).max().orElse(0));
            long afterCollection = summaries.stream().filter(summary -> "After GC".equals(summary.getString("when")))
                    .mapToLong(summary -> summary.getLong("heapUsed")).max().orElse(0);
            return Map.of("peakMiB", peak >> 20, "mostAfterCollectionMiB", afterCollection >> 20);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}

package nl.koers.app.observability;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the root of the repository (dashboards, Prometheus configuration), found from the test's directory. */
public final class Repository {

    private Repository() {
    }

    public static Path file(String relative) {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.exists(directory.resolve("mvnw")) && Files.exists(directory.resolve(relative))) {
                return directory.resolve(relative);
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("No " + relative + " above " + Path.of("").toAbsolutePath());
    }
}

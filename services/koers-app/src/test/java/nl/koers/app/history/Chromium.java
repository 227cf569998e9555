package nl.koers.app.history;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * A real browser from the machine: Debian's {@code chromium}, which {@code .ci/run} installs, run headless to take a
 * screenshot of a page. Where it is missing the tests that need it are skipped, unless
 * {@code KOERS_REQUIRE_CHROMIUM=true} (as in CI), which makes them fail instead.
 */
final class Chromium {

    private Chromium() {
    }

    /** A screenshot {@code width} × {@code height} of the page in {@code html}, saved as {@code png}. */
    static BufferedImage screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Files.deleteIfExists(png);
        Process process = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                html.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("chromium did not finish: " + output);
        }
        if (!Files.exists(png)) {
            fail("chromium made no screenshot (exit " + process.exitValue() + "): " + output);
        }
        return ImageIO.read(png.toFile());
    }

    private static Path executable() {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(directory -> Stream.of(Path.of(directory, "chromium"),
                        Path.of(directory, "chromium-browser")))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty() && "true".equals(System.getenv("KOERS_REQUIRE_CHROMIUM"))) {
            fail("chromium is not installed (apt-get install chromium) and KOERS_REQUIRE_CHROMIUM=true");
        }
        assumeTrue(found.isPresent(), "chromium is not installed: apt-get install chromium to run this test");
        return found.get();
    }
}

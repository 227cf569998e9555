package nl.koers.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a reader sees it: rendered by a real browser (headless Chromium) to a screenshot
 * ({@code target/steering-report-en.png}), which must not be blank and must show the charts: the readings' blue line
 * and the plan's green band, in the part of the page below the tables.
 */
class ReportInBrowserTest extends TimedApiTest {

    private static final Color READINGS = new Color(0x1f4e79);
    private static final Color PLAN_BAND = new Color(0xe4efe4);

    @BeforeEach
    void givenTheHistory() throws Exception {
        ReportHistory.record(api);
    }

    @Test
    void theBrowserShowsTheReportWithItsCharts() throws Exception {
        String html = http.perform(ReportTest.report().accept("text/html")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Path page = Path.of("target", "steering-report-en.html");
        Files.writeString(page, html);

        BufferedImage screenshot = Chromium.screenshot(page, Path.of("target", "steering-report-en.png"), 1000, 2600);

        assertThat(share(screenshot, 0, screenshot.getHeight(), colour -> !near(colour, Color.WHITE, 10)))
                .as("share of the page that is not white").isGreaterThan(0.03);
        int charts = screenshot.getHeight() / 3;
        assertThat(count(screenshot, charts, screenshot.getHeight(), colour -> near(colour, READINGS, 24)))
                .as("pixels of the readings' line").isGreaterThan(300);
        assertThat(count(screenshot, charts, screenshot.getHeight(), colour -> near(colour, PLAN_BAND, 6)))
                .as("pixels of the plan's tolerance band").isGreaterThan(5_000);
    }

    private static double share(BufferedImage image, int fromY, int toY, Predicate<Color> test) {
        return (double) count(image, fromY, toY, test) / ((long) image.getWidth() * (toY - fromY));
    }

    private static long count(BufferedImage image, int fromY, int toY, Predicate<Color> test) {
        long count = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(new Color(image.getRGB(x, y)))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean near(Color colour, Color expected, int tolerance) {
        return Math.abs(colour.getRed() - expected.getRed()) <= tolerance
                && Math.abs(colour.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(colour.getBlue() - expected.getBlue()) <= tolerance;
    }
}

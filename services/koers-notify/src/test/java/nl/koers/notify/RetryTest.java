package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The back-off between attempts doubles from the initial wait up to the maximum; the defaults reach a day in 30 tries. */
class RetryTest {

    private final WebhookSettings.Retry defaults = new WebhookSettings.Retry(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofDays(5));

    @Test
    void theWaitDoublesUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(defaults::backoffAfter).map(Duration::toSeconds))
                .containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L);
        assertThat(defaults.backoffAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withTheDefaultsADeliveryIsTriedForADayAboutThirtyTimes() {
        Duration waited = Duration.ZERO;
        int attempts = 1;
        while (waited.compareTo(defaults.giveUpAfter()) < 0) {
            waited = waited.plus(defaults.backoffAfter(attempts));
            attempts++;
        }
        assertThat(attempts).isBetween(30, 35);
    }
}

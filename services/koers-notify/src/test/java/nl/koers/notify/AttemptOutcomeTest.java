package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What each answer does to a delivery and its subscription, with the default back-off, a day of retries and 5 days to disable. */
class AttemptOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private final WebhookSettings.Retry retry = new WebhookSettings.Retry(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofDays(5));

    @Test
    void a2xxIsDeliveredWhateverCameBefore() {
        for (int status : new int[] {200, 201, 202, 204, 299}) {
            assertThat(AttemptOutcome.of(status, NOW, Optional.of(NOW.minus(Duration.ofDays(4))), delivery(Duration.ofHours(23), 40), retry))
                    .isEqualTo(new AttemptOutcome(Outbox.Outcome.DELIVERED, false, null));
        }
    }

    @Test
    void anyOtherAnswerOrNoneIsTriedAgainAfterTheBackoff() {
        for (Integer status : new Integer[] {null, 301, 302, 400, 401, 404, 429, 500, 503}) {
            assertThat(AttemptOutcome.of(status, NOW, Optional.empty(), delivery(Duration.ZERO, 0), retry))
                    .isEqualTo(new AttemptOutcome(Outbox.Outcome.RETRYING, false, NOW.plusSeconds(10)));
        }
        assertThat(AttemptOutcome.of(500, NOW, Optional.of(NOW.minus(Duration.ofHours(1))), delivery(Duration.ofMinutes(30), 3), retry))
                .isEqualTo(new AttemptOutcome(Outbox.Outcome.RETRYING, false, NOW.plusSeconds(80)));
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() {
        assertThat(AttemptOutcome.of(410, NOW, Optional.empty(), delivery(Duration.ZERO, 0), retry))
                .isEqualTo(new AttemptOutcome(Outbox.Outcome.FAILED, true, null));
    }

    @Test
    void aDeliveryTriedForADayIsGivenUpAndTheNextOneGoes() {
        assertThat(AttemptOutcome.of(503, NOW, Optional.of(NOW.minus(Duration.ofHours(30))), delivery(Duration.ofHours(24), 33), retry))
                .isEqualTo(new AttemptOutcome(Outbox.Outcome.FAILED, false, null));
        assertThat(AttemptOutcome.of(503, NOW, Optional.of(NOW.minus(Duration.ofHours(30))), delivery(Duration.ofHours(23), 32), retry).outcome())
                .isEqualTo(Outbox.Outcome.RETRYING);
    }

    @Test
    void fiveDaysOfFailuresWithoutASuccessDisableTheSubscription() {
        assertThat(AttemptOutcome.of(null, NOW, Optional.of(NOW.minus(Duration.ofDays(5))), delivery(Duration.ofHours(2), 8), retry))
                .isEqualTo(new AttemptOutcome(Outbox.Outcome.FAILED, true, null));
        assertThat(AttemptOutcome.of(null, NOW, Optional.of(NOW.minus(Duration.ofDays(5)).plusSeconds(1)), delivery(Duration.ofHours(2), 8), retry)
                .outcome()).isEqualTo(Outbox.Outcome.RETRYING);
    }

    private static Outbox.Delivery delivery(Duration age, int attempts) {
        return new Outbox.Delivery(1, UUID.randomUUID(), "p", "msg_1", "p.kpi.k.kpi_off_plan.1", "signal.raised", "{}",
                NOW.minus(age), attempts, "https://192.0.2.10/koers");
    }
}

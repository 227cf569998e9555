package nl.koers.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code koers_webhook_deliveries_total{outcome}}: attempts by outcome (delivered, retrying, failed), every outcome
 * present from the start; {@code koers_webhook_delivery_lag_seconds}: how long the oldest delivery still waiting has
 * waited (0 when none), as the delivery worker last looked.
 */
@Component
class DeliveryMetrics {

    private final Map<Outbox.Outcome, Counter> attempts = new EnumMap<>(Outbox.Outcome.class);
    private final AtomicReference<Optional<Instant>> oldestWaiting = new AtomicReference<>(Optional.empty());

    DeliveryMetrics(MeterRegistry meters, Clock clock) {
        for (Outbox.Outcome outcome : Outbox.Outcome.values()) {
            attempts.put(outcome, Counter.builder("koers.webhook.deliveries")
                    .description("Webhook delivery attempts, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters));
        }
        Gauge.builder("koers.webhook.delivery.lag", () -> oldestWaiting.get()
                        .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0)).orElse(0.0))
                .description("Age of the oldest webhook delivery still waiting to be delivered")
                .baseUnit("seconds").register(meters);
    }

    void attempted(Outbox.Outcome outcome) {
        attempts.get(outcome).increment();
    }

    void oldestWaiting(Optional<Instant> oldest) {
        oldestWaiting.set(oldest);
    }
}

package nl.koers.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code koers.webhooks.*}. {@code allowPrivateTargets}: also {@code http} and loopback or private addresses (local
 * receivers, tests). {@code secretKey}: 32 bytes in base64 that encrypt the subscriptions' signing secrets (environment
 * {@code KOERS_WEBHOOKS_SECRET_KEY}); without it the first start makes one and keeps it in the database.
 * {@code publicUrl}: where people reach this service, for the report links in chat messages. {@code senders}: threads
 * that send deliveries; {@code pollInterval}: how often the outbox is looked at. {@code retry}: the back-off between
 * attempts (doubling from {@code initialBackoff} up to {@code maxBackoff}), how long one delivery is tried
 * ({@code giveUpAfter}), and after how long of failing without a success a subscription is disabled
 * ({@code disableAfter}).
 */
@ConfigurationProperties("koers.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateTargets,
        String secretKey,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("4") int senders,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue Retry retry) {

    public WebhookSettings {
        secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey.strip();
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (senders < 1) {
            throw new IllegalArgumentException("koers.webhooks.senders must be at least 1");
        }
    }

    public record Retry(@DefaultValue("PT10S") Duration initialBackoff,
                        @DefaultValue("PT1H") Duration maxBackoff,
                        @DefaultValue("PT24H") Duration giveUpAfter,
                        @DefaultValue("P5D") Duration disableAfter) {

        /** The wait after the {@code attempt}th failed attempt: doubling from the initial back-off, at most the maximum. */
        public Duration backoffAfter(int attempt) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}

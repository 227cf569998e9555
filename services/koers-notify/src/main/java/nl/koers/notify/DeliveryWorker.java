package nl.koers.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's deliveries, apart from command handling and event processing: a poller looks for due deliveries
 * every {@code koers.webhooks.poll-interval} and hands them to threads of its own, which post them with Java's HTTP
 * client (no redirects, connect and read timeouts) without waiting for the answer, so a slow or dead receiver holds
 * up only its own queue. A queue (a subscription's deliveries about one programme) has one delivery in flight at a
 * time, so its receiver sees them in order. 2xx is delivered; 410 Gone disables the subscription; anything else (or
 * no answer) is tried again with the same {@code webhook-id} after a back-off that doubles, until the delivery is
 * {@code giveUpAfter} old, and the subscription is disabled once it has failed for {@code disableAfter} without a
 * success.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int DUE_PER_POLL = 200;

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final Targets targets;
    private final DeliveryMetrics metrics;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Set<String> queuesInFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private HttpClient http;
    private volatile boolean running;

    DeliveryWorker(Outbox outbox, Subscriptions subscriptions, Targets targets, DeliveryMetrics metrics,
                   WebhookSettings settings, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.senders(), named("webhook-sender-"));
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(senders)
                .build();
        poller = Executors.newSingleThreadScheduledExecutor(named("webhook-poller-"));
        running = true;
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void poll() {
        try {
            metrics.oldestWaiting(outbox.oldestWaiting());
            Instant now = clock.instant();
            Instant claimedUntil = now.plus(settings.connectTimeout()).plus(settings.readTimeout()).plusSeconds(30);
            for (Outbox.Delivery delivery : outbox.due(now, DUE_PER_POLL)) {
                if (running && !queuesInFlight.contains(delivery.queue()) && outbox.claim(delivery, now, claimedUntil)) {
                    queuesInFlight.add(delivery.queue());
                    senders.execute(() -> attempt(delivery));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries could not be looked up, trying again at the next poll: {}", e.getMessage());
        }
    }

    private void attempt(Outbox.Delivery delivery) {
        try {
            Optional<String> refusal = targets.refusal(delivery.url());
            if (refusal.isPresent()) {
                log.warn("Webhook {} is not sent to {}: the URL {}", delivery.webhookId(), delivery.url(), refusal.get());
                answered(delivery, null);
                return;
            }
            http.sendAsync(request(delivery), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> answered(delivery, failure == null ? response.statusCode() : null));
        } catch (RuntimeException e) {
            log.warn("Webhook {} could not be sent: {}", delivery.webhookId(), e.getMessage());
            answered(delivery, null);
        }
    }

    private HttpRequest request(Outbox.Delivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.sign(subscriptions.secret(delivery.subscriptionId()), delivery.webhookId(),
                timestamp, delivery.body());
        return HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Koers-Webhooks")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
    }

    /** Records the receiver's answer ({@code null}: none) and frees the delivery's queue. */
    private void answered(Outbox.Delivery delivery, Integer status) {
        try {
            metrics.attempted(record(delivery, status));
        } catch (RuntimeException e) {
            // the claim runs out and the delivery is attempted again: at least once
            log.warn("The answer to webhook {} could not be recorded: {}", delivery.webhookId(), e.getMessage());
        } finally {
            queuesInFlight.remove(delivery.queue());
        }
    }

    private Outbox.Outcome record(Outbox.Delivery delivery, Integer status) {
        Instant now = clock.instant();
        Optional<Instant> failingSince = outbox.failingSince(delivery.subscriptionId());
        AttemptOutcome outcome = AttemptOutcome.of(status, now, failingSince, delivery, settings.retry());
        switch (outcome.outcome()) {
            case DELIVERED -> outbox.delivered(delivery, status, now);
            case RETRYING -> outbox.retryAt(delivery, status, now, outcome.nextAttemptAt());
            case FAILED -> {
                if (outcome.disablesSubscription()) {
                    log.warn("Webhook subscription {} is disabled: its receiver answered {} (failing since {})",
                            delivery.subscriptionId(), status, failingSince.orElse(now));
                    outbox.failedAndDisabled(delivery, status, now);
                } else {
                    outbox.failed(delivery, status, now);
                }
            }
        }
        return outcome.outcome();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

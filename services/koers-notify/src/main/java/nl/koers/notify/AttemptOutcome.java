package nl.koers.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * What an attempt's answer means for the delivery and its subscription. {@code status}: the receiver's HTTP status,
 * null when there was none. A 2xx is delivered. {@code 410 Gone}, or a subscription failing without a success for
 * {@code disableAfter}, gives the delivery up and disables the subscription. A delivery as old as {@code giveUpAfter}
 * is given up and the next one goes. Anything else is tried again after the back-off.
 */
record AttemptOutcome(Outbox.Outcome outcome, boolean disablesSubscription, Instant nextAttemptAt) {

    static AttemptOutcome of(Integer status, Instant now, Optional<Instant> failingSince, Outbox.Delivery delivery,
                             WebhookSettings.Retry retry) {
        if (status != null && status >= 200 && status < 300) {
            return new AttemptOutcome(Outbox.Outcome.DELIVERED, false, null);
        }
        boolean gone = status != null && status == 410;
        if (gone || !now.isBefore(failingSince.orElse(now).plus(retry.disableAfter()))) {
            return new AttemptOutcome(Outbox.Outcome.FAILED, true, null);
        }
        if (!now.isBefore(delivery.createdAt().plus(retry.giveUpAfter()))) {
            return new AttemptOutcome(Outbox.Outcome.FAILED, false, null);
        }
        return new AttemptOutcome(Outbox.Outcome.RETRYING, false, now.plus(retry.backoffAfter(delivery.attempts() + 1)));
    }
}

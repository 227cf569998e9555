package nl.koers.notify;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;
import nl.koers.input.Caller;
import nl.koers.input.Ids;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signal subscriptions (webhooks), for an admin or an {@code OFFICE} caller. A caller sees only subscriptions within
 * the programmes it may see; any other is 404, as if it did not exist. The signing secret is shown once, when the
 * subscription is made.
 */
@RestController
@RequestMapping(path = "/api/v1/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final Targets targets;

    SubscriptionController(Subscriptions subscriptions, Outbox outbox, Targets targets) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.targets = targets;
    }

    /** No programmes: every programme the caller may see; no types: every type; minSeverity WARNING, format STANDARD. */
    record NewSubscription(@NotBlank @Size(max = 2000) String url,
                           Set<@NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String> programmes,
                           Severity minSeverity,
                           Set<@NotNull SignalType> types,
                           Subscription.Format format,
                           @Size(max = 500) String description) {
    }

    /** The subscription and its signing secret, shown this once. */
    record Made(@JsonUnwrapped Subscription subscription, String secret) {
    }

    @Operation(summary = "Subscribe a URL to signals", description = "Signal events of the caller's programmes (or those "
            + "named), at `minSeverity` or above (WARNING by default), of the `types` named (all by default), are "
            + "delivered to `url` in the `format` chosen: STANDARD (signed JSON, Standard Webhooks), SLACK or TEAMS. "
            + "Only `https` on public addresses, unless the service allows private targets. The signing `secret` is "
            + "shown in this answer only.")
    @ApiResponse(responseCode = "201", description = "Subscribed; `Location` is the subscription's URL, `secret` signs its deliveries",
            useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Made> subscribe(@Valid @RequestBody NewSubscription body, @AuthenticationPrincipal Caller caller) {
        String url = body.url().strip();
        targets.refusal(url).ifPresent(refusal -> {
            throw new RuleViolationException("url", "url " + refusal + ".");
        });
        Set<String> programmes = body.programmes() == null ? Set.of() : body.programmes();
        for (String programme : programmes) {
            if (!caller.sees(programme) || !subscriptions.programmeExists(programme)) {
                throw new NotFoundException("There is no programme '" + programme + "'.");
            }
        }
        Subscriptions.Made made = subscriptions.subscribe(url, programmes,
                body.minSeverity() == null ? Severity.WARNING : body.minSeverity(),
                body.types() == null ? Set.of() : body.types(),
                body.format() == null ? Subscription.Format.STANDARD : body.format(),
                body.description(), caller.subject(), caller.programmes());
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + made.subscription().id()))
                .body(new Made(made.subscription(), made.secret()));
    }

    @Operation(summary = "List subscriptions", description = "The subscriptions within the caller's programmes, with "
            + "their filters, state (ACTIVE, or DISABLED after a 410 or days of failures) and last delivery; never their secrets.")
    @GetMapping
    List<Subscription> list(@AuthenticationPrincipal Caller caller) {
        return subscriptions.list().stream().filter(subscription -> subscription.visibleTo(caller)).toList();
    }

    @Operation(summary = "Show a subscription", description = "One subscription, without its secret; one outside the "
            + "caller's programmes is 404.")
    @GetMapping("/{id}")
    Subscription subscription(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return visible(id, caller);
    }

    /** 204; nothing is delivered to it from then on. */
    @Operation(summary = "Unsubscribe", description = "Deletes the subscription: nothing is delivered to it from then on.")
    @ApiResponse(responseCode = "204", description = "Unsubscribed")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        subscriptions.delete(visible(id, caller).id());
        return ResponseEntity.noContent().build();
    }

    /** Every attempt to deliver to it, newest first, at most {@code limit} (1 to 1000). */
    @Operation(summary = "List a subscription's deliveries", description = "Every attempt to deliver to it, newest "
            + "first, at most `limit` (1 to 1000, default 100): the webhook-id (the same on every retry), the signal and "
            + "event, the receiver's status and the outcome (DELIVERED, RETRYING, FAILED).")
    @GetMapping("/{id}/deliveries")
    List<Outbox.Attempt> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit,
                                    @AuthenticationPrincipal Caller caller) {
        return outbox.attempts(visible(id, caller).id(), Math.max(1, Math.min(limit, 1000)));
    }

    private Subscription visible(UUID id, Caller caller) {
        return subscriptions.find(id).filter(subscription -> subscription.visibleTo(caller))
                .orElseThrow(() -> new NotFoundException("There is no subscription '" + id + "'."));
    }
}

package nl.koers.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalEvent;
import nl.koers.api.signal.SignalSeverityChanged;
import nl.koers.navigation.signal.SignalFold;
import nl.koers.navigation.signal.SignalView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns signal events into deliveries: for each active subscription that wants the event, a message in its format is
 * put in the outbox, in the transaction of the command that records the signal event (a subscribing processor), so
 * each is enqueued exactly once and sent later by {@link DeliveryWorker}. A processing group of its own that refuses
 * replays, so a rebuild of the projections sends nothing. It keeps each signal as the events leave it
 * ({@code webhook_signal}, folded by the read side's {@link SignalFold}), since an acknowledgement or a clearing does not carry the signal's severity or evidence.
 */
@Component
@ProcessingGroup(SignalDispatch.PROCESSING_GROUP)
@DisallowReplay
class SignalDispatch {

    static final String PROCESSING_GROUP = "signal-webhooks";
    private static final Logger log = LoggerFactory.getLogger(SignalDispatch.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Subscriptions subscriptions;
    private final Messages messages;
    private final Outbox outbox;

    SignalDispatch(JdbcClient jdbc, ObjectMapper json, Subscriptions subscriptions, Messages messages, Outbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.outbox = outbox;
    }

    @EventHandler
    void on(SignalEvent event, EventMessage<?> message) {
        Optional<SignalEventKind> kind = SignalEventKind.of(event);
        if (kind.isEmpty()) {
            log.warn("{} has no webhook kind (SignalEventKind): not delivered", event.getClass().getSimpleName());
            return;
        }
        dispatch(event, kind.get(), message.getIdentifier(), message.getTimestamp());
    }

    private void dispatch(SignalEvent event, SignalEventKind kind, String eventId, Instant at) {
        SignalFold fold = new SignalFold();
        stored(event.signalId()).ifPresent(fold::restore);
        fold.apply(event, at);
        Optional<SignalView> folded = fold.signal(event.signalId());
        if (folded.isEmpty()) {
            return; // a signal raised before this processor's first event: nothing to tell about it
        }
        SignalView signal = folded.get();
        store(signal);
        Severity severity = event instanceof SignalSeverityChanged changed && changed.previousSeverity().compareTo(changed.severity()) > 0
                ? changed.previousSeverity() : signal.severity();
        List<Subscription> receivers = subscriptions.active().stream()
                .filter(subscription -> subscription.hearsOf(kind)
                        && subscription.receives(event.programmeId(), signal.type(), severity, at))
                .toList();
        if (receivers.isEmpty()) {
            return;
        }
        Messages.About about = new Messages.About(kind, signal, programmeName(event.programmeId()), at);
        for (Subscription subscription : receivers) {
            outbox.enqueue(subscription.id(), event.programmeId(), webhookId(eventId, subscription.id()),
                    signal.id(), kind, messages.body(subscription.format(), about), at);
        }
    }

    /** The same for every attempt of one event to one subscription. */
    private static String webhookId(String eventId, UUID subscriptionId) {
        return "msg_" + UUID.nameUUIDFromBytes((eventId + "/" + subscriptionId).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<SignalView> stored(String signalId) {
        return jdbc.sql("select view from webhook_signal where signal_id = ?").param(signalId).query(String.class)
                .optional().map(this::read);
    }

    private void store(SignalView signal) {
        jdbc.sql("""
                        insert into webhook_signal (signal_id, view) values (?, ?)
                        on conflict (signal_id) do update set view = excluded.view""")
                .params(signal.id(), write(signal)).update();
    }

    private String programmeName(String programmeId) {
        return jdbc.sql("select coalesce(name, programme_id) from programme_directory where programme_id = ?").param(programmeId)
                .query(String.class).optional().orElse(programmeId);
    }

    private SignalView read(String text) {
        try {
            return json.readValue(text, SignalView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored signal cannot be read", e);
        }
    }

    private String write(SignalView signal) {
        try {
            return json.writeValueAsString(signal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A signal cannot be written as JSON", e);
        }
    }
}

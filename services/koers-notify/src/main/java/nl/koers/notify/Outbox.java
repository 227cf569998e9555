package nl.koers.notify;

import static nl.koers.navigation.Columns.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.koers.navigation.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries still to make ({@code webhook_delivery}) and every attempt made ({@code webhook_delivery_log}). A
 * subscription's deliveries about one programme go out one at a time, oldest first: only the oldest waiting one of
 * each such queue is due. An instance claims a delivery for the length of an attempt, so that instances sharing the
 * database never send it together.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Outbox(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A delivery to attempt: {@code attempts} made so far. */
    record Delivery(long id, UUID subscriptionId, String programmeId, String webhookId, String signalId, String event,
                    String body, Instant createdAt, int attempts, String url) {

        /** The queue it waits in: its subscription's deliveries about its programme. */
        String queue() {
            return subscriptionId + "/" + programmeId;
        }
    }

    /** One attempt, as the delivery log shows it. */
    record Attempt(String webhookId, String signalId, String event, int attempt, Integer status, Instant at,
                   Outcome outcome) {
    }

    enum Outcome {
        DELIVERED, RETRYING, FAILED
    }

    /** In the transaction that handles the signal event; the same webhook id twice is kept once. */
    void enqueue(UUID subscriptionId, String programmeId, String webhookId, String signalId, SignalEventKind kind,
                 String body, Instant at) {
        jdbc.sql("""
                        insert into webhook_delivery (subscription_id, programme_id, webhook_id, signal_id, event, body,
                                                      created_at, next_attempt_at)
                        values (:subscription, :programme, :webhookId, :signal, :event, :body, :at, :at)
                        on conflict (webhook_id) do nothing""")
                .param("subscription", subscriptionId).param("programme", programmeId).param("webhookId", webhookId)
                .param("signal", signalId).param("event", kind.type()).param("body", body).param("at", timestamp(at))
                .update();
    }

    /** The oldest delivery of each queue of an active subscription, when it is due and not claimed. */
    List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("""
                        select d.*, s.url
                        from (select distinct on (subscription_id, programme_id) *
                              from webhook_delivery order by subscription_id, programme_id, id) d
                        join webhook_subscription s on s.id = d.subscription_id and s.state = 'ACTIVE'
                        where d.next_attempt_at <= :now and (d.claimed_until is null or d.claimed_until < :now)
                        order by d.id
                        limit :limit""")
                .param("now", timestamp(now)).param("limit", limit)
                .query(Outbox::delivery).list();
    }

    /** Whether this instance now holds the delivery until {@code until}. */
    boolean claim(Delivery delivery, Instant now, Instant until) {
        return jdbc.sql("""
                        update webhook_delivery set claimed_until = :until
                        where id = :id and (claimed_until is null or claimed_until < :now)""")
                .param("until", timestamp(until)).param("id", delivery.id()).param("now", timestamp(now))
                .update() == 1;
    }

    void delivered(Delivery delivery, int status, Instant now) {
        transaction.executeWithoutResult(tx -> {
            done(delivery, status, now, Outcome.DELIVERED);
            jdbc.sql("update webhook_subscription set last_delivered_at = :now, failing_since = null where id = :id")
                    .param("now", timestamp(now)).param("id", delivery.subscriptionId()).update();
        });
    }

    void retryAt(Delivery delivery, Integer status, Instant now, Instant next) {
        transaction.executeWithoutResult(tx -> {
            log(delivery, status, now, Outcome.RETRYING);
            jdbc.sql("""
                            update webhook_delivery set attempts = attempts + 1, next_attempt_at = :next, claimed_until = null
                            where id = :id""")
                    .param("next", timestamp(next)).param("id", delivery.id()).update();
            failing(delivery, now);
        });
    }

    /** The delivery is given up; the subscription's next one goes out. */
    void failed(Delivery delivery, Integer status, Instant now) {
        transaction.executeWithoutResult(tx -> {
            done(delivery, status, now, Outcome.FAILED);
            failing(delivery, now);
        });
    }

    /** The delivery is given up and its subscription disabled, with every delivery it still had waiting. */
    void failedAndDisabled(Delivery delivery, Integer status, Instant now) {
        transaction.executeWithoutResult(tx -> {
            done(delivery, status, now, Outcome.FAILED);
            failing(delivery, now);
            jdbc.sql("update webhook_subscription set state = 'DISABLED', disabled_at = :now where id = :id")
                    .param("now", timestamp(now)).param("id", delivery.subscriptionId()).update();
            jdbc.sql("delete from webhook_delivery where subscription_id = :id").param("id", delivery.subscriptionId())
                    .update();
        });
    }

    /** Since when the subscription has been failing without a success in between, if it is. */
    Optional<Instant> failingSince(UUID subscriptionId) {
        return jdbc.sql("select failing_since from webhook_subscription where id = :id").param("id", subscriptionId)
                .query((row, n) -> Optional.ofNullable(Columns.instant(row, "failing_since"))).optional()
                .flatMap(since -> since);
    }

    /** When the oldest delivery of an active subscription still waiting was enqueued, if one is. */
    Optional<Instant> oldestWaiting() {
        return jdbc.sql("""
                        select min(d.created_at) as oldest from webhook_delivery d
                        join webhook_subscription s on s.id = d.subscription_id and s.state = 'ACTIVE'""")
                .query((row, n) -> Optional.ofNullable(Columns.instant(row, "oldest"))).single();
    }

    /** The subscription's attempts, newest first. */
    List<Attempt> attempts(UUID subscriptionId, int limit) {
        return jdbc.sql("""
                        select webhook_id, signal_id, event, attempt, status, at, outcome from webhook_delivery_log
                        where subscription_id = :id order by id desc limit :limit""")
                .param("id", subscriptionId).param("limit", limit)
                .query((row, n) -> new Attempt(row.getString("webhook_id"), row.getString("signal_id"),
                        row.getString("event"), row.getInt("attempt"), row.getObject("status", Integer.class),
                        Columns.instant(row, "at"), Outcome.valueOf(row.getString("outcome"))))
                .list();
    }

    private void done(Delivery delivery, Integer status, Instant now, Outcome outcome) {
        log(delivery, status, now, outcome);
        jdbc.sql("delete from webhook_delivery where id = :id").param("id", delivery.id()).update();
    }

    private void failing(Delivery delivery, Instant now) {
        jdbc.sql("update webhook_subscription set failing_since = coalesce(failing_since, :now) where id = :id")
                .param("now", timestamp(now)).param("id", delivery.subscriptionId()).update();
    }

    private void log(Delivery delivery, Integer status, Instant now, Outcome outcome) {
        jdbc.sql("""
                        insert into webhook_delivery_log (subscription_id, webhook_id, signal_id, event, attempt, status, at,
                                                          outcome)
                        values (:subscription, :webhookId, :signal, :event, :attempt, :status, :at, :outcome)""")
                .param("subscription", delivery.subscriptionId()).param("webhookId", delivery.webhookId())
                .param("signal", delivery.signalId()).param("event", delivery.event())
                .param("attempt", delivery.attempts() + 1).param("status", status)
                .param("at", timestamp(now)).param("outcome", outcome.name())
                .update();
    }

    private static Delivery delivery(ResultSet row, int number) throws SQLException {
        return new Delivery(row.getLong("id"), row.getObject("subscription_id", UUID.class), row.getString("programme_id"),
                row.getString("webhook_id"), row.getString("signal_id"), row.getString("event"), row.getString("body"),
                Columns.instant(row, "created_at"), row.getInt("attempts"), row.getString("url"));
    }
}

package nl.koers.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.api.ConflictException;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.RecordReading;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Turns the messages of the readings topic into {@link RecordReading} commands, the same the HTTP endpoint sends.
 * A message that can never become a reading (not JSON, a field missing or invalid, an unknown KPI, a rule of the
 * KPI refused) goes to the dead-letter topic with its original bytes and headers and headers naming the error, and
 * the partition moves on. Offsets are committed only once the commands before them are stored, so a crash redelivers
 * and the readingId makes the redelivery record nothing. Any other failure (the database away, a concurrent change)
 * leaves the message where it is: the partition waits and tries it again.
 */
public class ReadingIngestion implements SmartLifecycle {

    static final String REASON_HEADER = "koers_dlt_reason";
    static final String ERROR_HEADER = "koers_dlt_error";
    private static final Logger log = LoggerFactory.getLogger(ReadingIngestion.class);

    private enum Outcome { RECORDED, DUPLICATE, DEAD_LETTERED }

    private final KafkaSettings settings;
    private final Map<String, Object> consumerConfig;
    private final KafkaTopics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final ReadingMessages messages;
    private final CommandGateway commands;
    private final Map<Outcome, Counter> consumed = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaConsumer<?, ?>> consumers = new ArrayList<>();
    private volatile boolean running;

    ReadingIngestion(KafkaSettings settings, Map<String, Object> consumerConfig, KafkaTopics topics,
                     KafkaProducer<String, byte[]> producer, ReadingMessages messages, CommandGateway commands,
                     MeterRegistry meters) {
        this.settings = settings;
        this.consumerConfig = consumerConfig;
        this.topics = topics;
        this.producer = producer;
        this.messages = messages;
        this.commands = commands;
        for (Outcome outcome : Outcome.values()) {
            consumed.put(outcome, Counter.builder("koers.kafka.readings.consumed")
                    .description("Messages of the readings topic handled, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= settings.readings().consumers(); i++) {
            Thread thread = new Thread(this::consume, "koers-readings-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        synchronized (consumers) {
            consumers.forEach(KafkaConsumer::wakeup);
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops consuming before the command bus and the event processors stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }

    private void consume() {
        while (running) {
            if (!topics.ensureCreated()) {
                pause();
                continue;
            }
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
            synchronized (consumers) {
                consumers.add(consumer);
            }
            try {
                consumer.subscribe(List.of(settings.topics().readings()));
                while (running) {
                    pollOnce(consumer);
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                log.warn("The readings consumer failed; it starts again", e);
                pause();
            } finally {
                synchronized (consumers) {
                    consumers.remove(consumer);
                }
                consumer.close(KafkaConfiguration.CLOSE_TIMEOUT);
            }
        }
    }

    /**
     * Sends the poll's readings all at once, so that they are stored in groups ({@code GroupCommit}), then goes
     * through their outcomes in each partition's order.
     */
    private void pollOnce(KafkaConsumer<String, byte[]> consumer) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        Map<ConsumerRecord<String, byte[]>, CompletableFuture<ReadingReceipt>> sent = new IdentityHashMap<>();
        records.forEach(record -> sent.put(record, send(record)));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean retry = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running || !ingested(record, sent.get(record))) {
                    consumer.seek(partition, record.offset());
                    retry = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            try {
                consumer.commitSync(done);
            } catch (CommitFailedException e) {
                log.info("Offsets not committed (the group rebalanced); the readings come again and are recorded once");
            }
        }
        if (retry && running) {
            pause();
        }
    }

    private CompletableFuture<ReadingReceipt> send(ConsumerRecord<String, byte[]> record) {
        try {
            return commands.send(messages.read(record.value()));
        } catch (ReadingMessages.InvalidReading e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** True once the reading is stored (or was stored before) or dead-lettered; false to try it again later. */
    private boolean ingested(ConsumerRecord<String, byte[]> record, CompletableFuture<ReadingReceipt> sent) {
        Outcome outcome;
        try {
            outcome = outcome(sent);
        } catch (ReadingMessages.InvalidReading e) {
            outcome = deadLetter(record, "invalid", e.getMessage());
        } catch (RuleViolationException e) {
            outcome = deadLetter(record, "rejected", e.getMessage());
        } catch (NotFoundException | AggregateNotFoundException e) {
            outcome = deadLetter(record, "not-found", "the programme or KPI does not exist");
        } catch (ConflictException e) {
            outcome = deadLetter(record, "conflict", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Reading at {}-{}@{} not recorded; it is tried again", record.topic(), record.partition(),
                    record.offset(), e);
            return false;
        }
        if (outcome == null) {
            return false;
        }
        consumed.get(outcome).increment();
        return true;
    }

    /** What became of a reading sent, its failure thrown as it is. */
    private static Outcome outcome(CompletableFuture<ReadingReceipt> sent) throws ReadingMessages.InvalidReading {
        try {
            return sent.join().duplicate() ? Outcome.DUPLICATE : Outcome.RECORDED;
        } catch (CompletionException e) {
            if (e.getCause() instanceof ReadingMessages.InvalidReading invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Null when the dead-letter topic did not take the message, so it is tried again. */
    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, String error, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray())
                .add(ERROR_HEADER, utf8(error))
                .add(REASON_HEADER, utf8(reason))
                .add("koers_dlt_original_topic", utf8(record.topic()))
                .add("koers_dlt_original_partition", utf8(Integer.toString(record.partition())))
                .add("koers_dlt_original_offset", utf8(Long.toString(record.offset())));
        try {
            producer.send(new ProducerRecord<>(settings.topics().readingsDeadLetters(), null, record.key(),
                    record.value(), headers)).get();
            log.info("Reading at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
            return Outcome.DEAD_LETTERED;
        } catch (ExecutionException e) {
            log.warn("The dead-letter topic did not take a message; it is tried again", e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.readings().retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

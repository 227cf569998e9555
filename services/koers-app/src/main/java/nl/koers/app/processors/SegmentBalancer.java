package nl.koers.app.processors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spreads each pooled processor's segments over the instances that share the database. Without Axon Server nothing
 * does: the first instance to start claims every segment and the others idle until it stops. Each instance shows
 * it is alive by a database session named after it (gone when the instance is); one that holds more than its fair
 * share (segments / live instances, rounded up) releases a segment, which an instance with fewer claims picks up.
 */
@Component
public class SegmentBalancer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String SESSION_PREFIX = "koers-node:";

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ProcessorsConfiguration.Node node;
    private Connection presence;

    SegmentBalancer(EventProcessingConfiguration processing, DataSource dataSource, JdbcClient jdbc,
                    ProcessorsConfiguration.Node node) {
        this.processing = processing;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${koers.processors.balance-interval:PT10S}")
    synchronized void balance() {
        try {
            showPresence();
            int instances = liveInstances();
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    balance(streaming, instances);
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Cannot balance the event processors' segments now: {}", e.toString());
        }
    }

    private void balance(StreamingEventProcessor processor, int instances) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        int segments = jdbc.sql("select count(*) from token_entry where processor_name = ?")
                .param(processor.getName()).query(Integer.class).single();
        int fairShare = (segments + instances - 1) / instances;
        if (claimed.size() > fairShare) {
            int segment = Collections.max(claimed.keySet());
            log.info("Releasing segment {} of {}: {} instances share {} segments", segment, processor.getName(),
                    instances, segments);
            processor.releaseSegment(segment);
        }
    }

    private int liveInstances() {
        return Math.max(1, jdbc.sql("""
                        select count(distinct application_name) from pg_stat_activity
                        where datname = current_database() and application_name like ?""")
                .param(SESSION_PREFIX + "%").query(Integer.class).single());
    }

    /** A session of its own, named after this instance, held open for as long as the instance lives. */
    private void showPresence() throws SQLException {
        if (presence != null && presence.isValid(2)) {
            return;
        }
        closePresence();
        presence = dataSource.getConnection();
        try (PreparedStatement name = presence.prepareStatement("select set_config('application_name', ?, false)")) {
            name.setString(1, SESSION_PREFIX + node.id());
            name.execute();
        }
    }

    private void closePresence() {
        if (presence != null) {
            try {
                presence.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            presence = null;
        }
    }

    @Override
    public synchronized void destroy() {
        closePresence();
    }
}

package nl.koers.app.processors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spreads each pooled processor's segments over the instances that share the database. Without Axon Server nothing
 * does: the first instance to start claims every segment and the others idle until it stops. Each instance shows
 * it is alive by a database session named after it (gone when the instance is); one that holds more than its fair
 * share (segments / live instances, rounded up) releases a segment, which an instance with fewer claims picks up.
 * It works on that one session only, and stops first on shutdown.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String SESSION_PREFIX = "koers-node:";

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final ProcessorsConfiguration.Node node;
    private volatile boolean running;
    private Connection session;

    SegmentBalancer(EventProcessingConfiguration processing, DataSource dataSource, ProcessorsConfiguration.Node node) {
        this.processing = processing;
        this.dataSource = dataSource;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${koers.processors.balance-interval:PT10S}")
    synchronized void balance() {
        if (!running) {
            return;
        }
        try {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(session(), true));
            int instances = Math.max(1, jdbc.sql("""
                            select count(distinct application_name) from pg_stat_activity
                            where datname = current_database() and application_name like ?""")
                    .param(SESSION_PREFIX + "%").query(Integer.class).single());
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    balance(streaming, instances, jdbc);
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Cannot balance the event processors' segments now: {}", e.toString());
        }
    }

    private static void balance(StreamingEventProcessor processor, int instances, JdbcClient jdbc) {
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

    /**
     * This instance's own session, named after it, held open for as long as the instance lives. It is opened beside
     * the pool with short timeouts, so a database that is away (or going away at shutdown) never holds a run up.
     */
    private Connection session() throws SQLException {
        if (session == null || !session.isValid(2)) {
            closeSession();
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            properties.setProperty("user", pool.getUsername());
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", SESSION_PREFIX + node.id());
            properties.setProperty("connectTimeout", "2");
            properties.setProperty("loginTimeout", "2");
            properties.setProperty("socketTimeout", "5");
            session = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            session = null;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        synchronized (this) {
            closeSession();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, so no balancing runs while the application shuts down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}

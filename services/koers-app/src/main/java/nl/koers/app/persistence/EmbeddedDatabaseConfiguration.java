package nl.koers.app.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the application when no database is configured, so that a newcomer needs nothing but a
 * JDK. The data source depends on the server bean, so Spring closes the pool (after Axon's processors have stopped)
 * before it stops the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "koers.embedded-database.enabled", havingValue = "true")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "koers";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException, SQLException {
        Files.createDirectories(properties.directory());
        OrphanedPostmaster.stopIfRunning(properties.directory());
        EmbeddedPostgres.Builder builder = durable(EmbeddedPostgres.builder())
                .setDataDirectory(properties.directory())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on localhost:{}, database '{}', data in {}",
                postgres.getPort(), DATABASE, properties.directory().toAbsolutePath());
        return postgres;
    }

    /**
     * The embedded server is made for tests and starts with fsync and synchronous commit off; Koers answers a
     * command only once its event is on disk, so both go back on.
     */
    public static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            boolean exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next();
            if (!exists) {
                statement.execute("create database " + DATABASE);
            }
        }
    }
}

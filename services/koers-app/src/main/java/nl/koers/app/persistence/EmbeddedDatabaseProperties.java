package nl.koers.app.persistence;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default: a real PostgreSQL started by the application, its data kept in {@code directory} across
 * restarts. Off when the service is pointed at an installed PostgreSQL.
 *
 * @param enabled   start the embedded PostgreSQL and use it as the data source
 * @param directory where its data lives (relative to the working directory)
 * @param port      its port on localhost; 0 picks a free one
 */
@ConfigurationProperties("koers.embedded-database")
public record EmbeddedDatabaseProperties(boolean enabled, Path directory, int port) {

    public EmbeddedDatabaseProperties {
        directory = directory == null ? Path.of("koers-data", "postgres") : directory;
    }
}

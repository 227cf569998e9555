package nl.koers.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import nl.koers.app.TestDatabase;

/** The PostgreSQL database a benchmark runs on: a fresh one on the embedded server, or one given by URL. */
record Database(String url, String user, String password) {

    /** {@code -Dbench.jdbcUrl=... -Dbench.jdbcUser=... -Dbench.jdbcPassword=...}, or a new database on the embedded server. */
    static Database fromProperties() {
        String url = System.getProperty("bench.jdbcUrl");
        return new Database(url == null || url.isBlank() ? TestDatabase.newDatabase() : url,
                System.getProperty("bench.jdbcUser", "postgres"), System.getProperty("bench.jdbcPassword", "postgres"));
    }

    /** The service's arguments for this database, the time-driven sweep left out of the measurements. */
    String[] serviceArguments() {
        return new String[] {"--koers.embedded-database.enabled=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--koers.signals.sweep-initial-delay=PT24H", "--logging.level.root=warn"};
    }

    /** A new, empty database of this name on the same server, as the same user (one of that name is dropped first). */
    Database sibling(String name) throws SQLException {
        execute("drop database if exists " + name);
        execute("create database " + name);
        return new Database(url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A setting of the server, such as fsync or synchronous_commit. */
    String setting(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}

package nl.koers.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;
import nl.koers.navigation.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The subscriptions in table {@code webhook_subscription}; their secrets only encrypted ({@link SigningSecrets}). */
@Component
class Subscriptions {

    private static final String COLUMNS = """
            id, url, programmes, min_severity, types, format, description, state, created_by, created_at,
            last_delivered_at, failing_since, scope""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SigningSecrets secrets;

    Subscriptions(JdbcClient jdbc, Clock clock, SigningSecrets secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** A subscription made now, with its secret to be shown this once. */
    record Made(Subscription subscription, String secret) {
    }

    Made subscribe(String url, Set<String> programmes, Severity minSeverity, Set<SignalType> types,
                   Subscription.Format format, String description, String createdBy, Set<String> scope) {
        UUID id = UUID.randomUUID();
        String secret = secrets.newSecret();
        jdbc.sql("""
                        insert into webhook_subscription (id, url, programmes, min_severity, types, format, description,
                                                          secret, scope, state, created_by, created_at)
                        values (:id, :url, :programmes, :minSeverity, :types, :format, :description, :secret, :scope,
                                'ACTIVE', :createdBy, :now)""")
                .param("id", id).param("url", url).param("programmes", joined(programmes))
                .param("minSeverity", minSeverity.name())
                .param("types", joined(types.stream().map(Enum::name).toList()))
                .param("format", format.name()).param("description", description)
                .param("secret", secrets.encrypt(secret)).param("scope", joined(scope))
                .param("createdBy", createdBy).param("now", Columns.timestamp(clock.instant()))
                .update();
        return new Made(find(id).orElseThrow(), secret);
    }

    List<Subscription> list() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription order by created_at, id")
                .query(Subscriptions::subscription).list();
    }

    List<Subscription> active() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where state = 'ACTIVE'")
                .query(Subscriptions::subscription).list();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id").param("id", id)
                .query(Subscriptions::subscription).optional();
    }

    /** Its deliveries and their log go with it. */
    void delete(UUID id) {
        jdbc.sql("delete from webhook_subscription where id = :id").param("id", id).update();
    }

    /** The subscription's signing secret, decrypted. */
    String secret(UUID id) {
        return secrets.decrypt(jdbc.sql("select secret from webhook_subscription where id = :id").param("id", id)
                .query(String.class).single());
    }

    /** Whether the programme is known, so that a filter names only programmes that exist. */
    boolean programmeExists(String programmeId) {
        return jdbc.sql("select count(*) from programme_directory where programme_id = :id").param("id", programmeId)
                .query(Integer.class).single() > 0;
    }

    private static Subscription subscription(ResultSet row, int number) throws SQLException {
        return new Subscription(row.getObject("id", UUID.class), row.getString("url"),
                new TreeSet<>(split(row.getString("programmes"))), Severity.valueOf(row.getString("min_severity")),
                split(row.getString("types")).stream().map(SignalType::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SignalType.class))),
                Subscription.Format.valueOf(row.getString("format")), row.getString("description"),
                Subscription.State.valueOf(row.getString("state")), row.getString("created_by"),
                Columns.instant(row, "created_at"), Columns.instant(row, "last_delivered_at"),
                Columns.instant(row, "failing_since"), new TreeSet<>(split(row.getString("scope"))));
    }

    private static String joined(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }
}

package nl.koers.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import nl.koers.api.ConflictException;
import nl.koers.api.MessageMetadata;
import nl.koers.input.Caller;
import nl.koers.input.Role;
import nl.koers.navigation.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The API tokens in table {@code api_token}. A token is {@value #PREFIX} and 32 random bytes in base64url; the
 * table keeps only its SHA-256 hash, so a copy of the database lets no one in.
 */
@Component
class ApiTokens {

    static final String PREFIX = "koers_";
    /**
     * How often a token's last use is written down at most, so that busy scripts do not write on every call (nor
     * send a statement that changes nothing: the row just read tells whether it is due).
     */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS = """
            id, name, roles, programmes, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at""";

    /** Tokens checked lately, at most this many (forgotten all at once beyond it). */
    private static final int RECENT_TOKENS = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration recentFor;
    private final Map<String, Recent> recentByHash = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.recentFor = settings.tokenCache();
    }

    /** A token's caller, accepted without a lookup until {@code until}. */
    private record Recent(Caller caller, Instant until) {
    }

    /** An issued token with the token itself, to be shown this once. */
    record Issued(ApiToken token, String secret) {
    }

    Issued issue(String name, Set<Role> roles, Set<String> programmes, Instant expiresAt, String issuedBy) {
        String secret = newSecret();
        UUID id = UUID.randomUUID();
        if (insert(id, name, roles, programmes, secret, false, expiresAt, issuedBy) == 0) {
            throw new ConflictException("A token named '" + name + "' is in use; revoke it or choose another name.");
        }
        return new Issued(find(id).orElseThrow(), secret);
    }

    /**
     * Issues the admin token of the first start: OFFICE and STEERING for every programme. Answers it only when this
     * call issued it; once one has been issued (by this instance or another, now or at an earlier start) it is empty.
     */
    Optional<String> issueBootstrapToken() {
        String secret = newSecret();
        Caller admin = Caller.admin();
        int issued = insert(UUID.randomUUID(), admin.subject(), admin.roles(), admin.programmes(), secret, true, null,
                MessageMetadata.SYSTEM_ACTOR);
        return issued == 1 ? Optional.of(secret) : Optional.empty();
    }

    List<ApiToken> list() {
        return jdbc.sql("select " + COLUMNS + " from api_token order by created_at, name").query(ApiTokens::token).list();
    }

    Optional<ApiToken> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_token where id = :id").param("id", id)
                .query(ApiTokens::token).optional();
    }

    /** Revokes the token from now on; a token revoked before keeps its first revocation. */
    void revoke(UUID id, String revokedBy) {
        jdbc.sql("update api_token set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("now", Columns.timestamp(clock.instant())).param("by", revokedBy).param("id", id).update();
        recentByHash.clear();
    }

    /**
     * The caller of a token that is known, not expired and not revoked. A token found is accepted for
     * {@code koers.security.token-cache} (never past its expiry) without looking it up again; a token not found is
     * looked up every time.
     */
    Optional<Caller> authenticate(String secret) {
        Instant now = clock.instant();
        String hash = hash(secret);
        Recent recent = recentByHash.get(hash);
        if (recent != null && now.isBefore(recent.until())) {
            return Optional.of(recent.caller());
        }
        Optional<ApiToken> token = lookUp(hash, now);
        token.ifPresentOrElse(used -> remember(hash, used, now), () -> recentByHash.remove(hash));
        return token.map(ApiTokens::caller);
    }

    private void remember(String hash, ApiToken token, Instant now) {
        if (recentByHash.size() >= RECENT_TOKENS) {
            recentByHash.clear();
        }
        Instant until = now.plus(recentFor);
        Instant expiresAt = token.expiresAt();
        recentByHash.put(hash, new Recent(caller(token), expiresAt != null && expiresAt.isBefore(until) ? expiresAt : until));
    }

    private static Caller caller(ApiToken token) {
        return new Caller(token.name(), token.roles(), token.programmes());
    }

    private Optional<ApiToken> lookUp(String hash, Instant now) {
        Optional<ApiToken> token = jdbc.sql("select " + COLUMNS + """
                         from api_token
                        where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)""")
                .param("hash", hash).param("now", Columns.timestamp(now))
                .query(ApiTokens::token).optional();
        token.filter(used -> used.lastUsedAt() == null || used.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION)))
                .ifPresent(used -> jdbc.sql("""
                                update api_token set last_used_at = :now
                                 where id = :id and (last_used_at is null or last_used_at < :recently)""")
                        .param("now", Columns.timestamp(now))
                        .param("recently", Columns.timestamp(now.minus(LAST_USE_PRECISION)))
                        .param("id", used.id()).update());
        return token;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Answers 1 when the token was added, 0 when its name is in use or it would be a second bootstrap token. */
    private int insert(UUID id, String name, Set<Role> roles, Set<String> programmes, String secret, boolean bootstrap,
                       Instant expiresAt, String createdBy) {
        return jdbc.sql("""
                        insert into api_token (id, name, roles, programmes, token_hash, bootstrap, created_at, created_by,
                                               expires_at)
                        values (:id, :name, :roles, :programmes, :hash, :bootstrap, :now, :createdBy, :expiresAt)
                        on conflict do nothing""")
                .param("id", id).param("name", name)
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("programmes", String.join(",", new TreeSet<>(programmes)))
                .param("hash", hash(secret)).param("bootstrap", bootstrap)
                .param("now", Columns.timestamp(clock.instant())).param("createdBy", createdBy)
                .param("expiresAt", Columns.timestamp(expiresAt))
                .update();
    }

    private static ApiToken token(ResultSet row, int number) throws SQLException {
        return new ApiToken(row.getObject("id", UUID.class), row.getString("name"),
                list(row.getString("roles")).stream().map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                new TreeSet<>(list(row.getString("programmes"))),
                Columns.instant(row, "created_at"), row.getString("created_by"), Columns.instant(row, "expires_at"),
                Columns.instant(row, "revoked_at"), row.getString("revoked_by"), Columns.instant(row, "last_used_at"));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }
}

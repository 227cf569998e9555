package nl.koers.http.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small OIDC provider for the test JVM: its discovery document and its key set over real HTTP, and JWTs signed
 * with its RSA key, so that the service finds the provider from its issuer URI as it does in production.
 */
final class LocalOidcIssuer {

    private static LocalOidcIssuer running;

    private final RSAKey key;
    private final String issuer;

    private LocalOidcIssuer() throws IOException, JOSEException {
        key = newKey();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, """
                {"issuer": "%s", "jwks_uri": "%s/jwks", "authorization_endpoint": "%s/authorize",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer, issuer)));
        server.createContext("/jwks", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    static synchronized LocalOidcIssuer get() {
        if (running == null) {
            try {
                running = new LocalOidcIssuer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    String issuer() {
        return issuer;
    }

    /** A JWT of this issuer for {@code subject}, valid for an hour, with {@code claims} besides. */
    String jwt(String subject, Map<String, Object> claims) {
        return signed(key, claims(issuer, subject, Instant.now().plusSeconds(3600), claims));
    }

    static JWTClaimsSet claims(String issuer, String subject, Instant expiresAt, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(expiresAt));
        claims.forEach(builder::claim);
        return builder.build();
    }

    /** A JWT signed with the issuer's key. */
    String signed(JWTClaimsSet claims) {
        return signed(key, claims);
    }

    static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID("koers-test").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .generate();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Points the service at this issuer. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + get().issuer())
                    .applyTo(context);
        }
    }
}

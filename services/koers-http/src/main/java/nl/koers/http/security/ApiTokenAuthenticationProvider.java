package nl.koers.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import nl.koers.input.Caller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Bearer tokens that are API tokens: the configured admin token, or one that starts with {@value ApiTokens#PREFIX}.
 * Any other bearer token is left to the JWT check.
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final byte[] adminToken;

    ApiTokenAuthenticationProvider(ApiTokens tokens, SecuritySettings settings) {
        this.tokens = tokens;
        this.adminToken = settings.adminToken() == null ? null : bytes(settings.adminToken());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        // compared in constant time, so the answer's timing tells nothing about the admin token
        if (adminToken != null && MessageDigest.isEqual(adminToken, bytes(token))) {
            return new CallerAuthentication(Caller.admin());
        }
        if (!token.startsWith(ApiTokens.PREFIX)) {
            return null;
        }
        return tokens.authenticate(token).map(CallerAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown, expired or revoked API token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] bytes(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}

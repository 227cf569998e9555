package nl.koers.http.security;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code koers.security.*}: {@code adminToken} (environment {@code KOERS_ADMIN_TOKEN}) is accepted as an admin's
 * API token; without it the service issues a bootstrap admin token at its first start. {@code protectPrometheus}
 * asks any role of {@code /actuator/prometheus}. {@code jwt} names the claims that carry a person's roles and
 * programmes. {@code tokenCache}: how long an instance goes on accepting an API token it has checked without looking
 * it up again (a revocation on another instance takes effect after at most this long; on this instance at once).
 */
@ConfigurationProperties("koers.security")
public record SecuritySettings(
        String adminToken,
        @DefaultValue("false") boolean protectPrometheus,
        @DefaultValue("5s") Duration tokenCache,
        @DefaultValue Jwt jwt) {

    /** What a bearer token may hold (RFC 6750), and enough of it not to be guessed. */
    private static final Pattern USABLE_ADMIN_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{16,}=*");

    public SecuritySettings {
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
        if (adminToken != null && !USABLE_ADMIN_TOKEN.matcher(adminToken).matches()) {
            throw new IllegalArgumentException("koers.security.admin-token (KOERS_ADMIN_TOKEN) must have at least 16 "
                    + "characters, each a letter, a digit or one of - . _ ~ + / (with = only at the end)");
        }
    }

    /** The JWT claims with a person's roles and programmes: a list, or one string separated by spaces or commas. */
    public record Jwt(@DefaultValue("koers_roles") String rolesClaim,
                      @DefaultValue("koers_programmes") String programmesClaim) {
    }
}

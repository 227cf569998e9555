package nl.koers.http.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Secure from the first start: without {@code koers.security.admin-token} the service issues an admin token the
 * first time it starts on a database, and logs it that once. Later starts find it issued and say nothing.
 */
@Component
class BootstrapAdminToken implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);

    private final ApiTokens tokens;
    private final SecuritySettings settings;

    BootstrapAdminToken(ApiTokens tokens, SecuritySettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.adminToken() != null) {
            return;
        }
        tokens.issueBootstrapToken().ifPresent(token -> log.warn("""

                ==================================================================================================
                No KOERS_ADMIN_TOKEN (koers.security.admin-token) is set, so Koers issued this admin token, shown once:

                    {}

                Send it as 'Authorization: Bearer <token>'. Issue tokens for people and systems with
                POST /api/v1/admin/tokens, then revoke this one with DELETE /api/v1/admin/tokens/<its id>.
                ==================================================================================================""",
                token));
    }
}

package nl.koers.app.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller whose token or JWT has been checked; its name, the caller's subject, becomes the events' actor. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(caller.authorities());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}

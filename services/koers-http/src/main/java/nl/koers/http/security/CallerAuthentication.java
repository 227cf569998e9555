package nl.koers.http.security;

import java.util.ArrayList;
import java.util.List;

import nl.koers.input.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller whose token or JWT has been checked; its name, the caller's subject, becomes the events' actor. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    /** The authority of a caller not limited to some programmes. */
    static final String ALL_PROGRAMMES = "ALL_PROGRAMMES";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(authorities(caller));
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

    private static List<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (caller.programmes().isEmpty()) {
            authorities.add(new SimpleGrantedAuthority(ALL_PROGRAMMES));
        }
        return authorities;
    }
}

package nl.koers.app.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling: the subject of a token or JWT (recorded as the actor of the events it causes), its roles, and the
 * programmes it may see and change; no programmes means all of them.
 */
public record Caller(String subject, Set<Role> roles, Set<String> programmes) implements AuthenticatedPrincipal {

    /** The authority of a caller not limited to some programmes. */
    static final String ALL_PROGRAMMES = "ALL_PROGRAMMES";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        programmes = Set.copyOf(programmes);
    }

    /** The caller of the admin token: {@code koers.security.admin-token}, or the one issued at the first start. */
    static Caller admin() {
        return new Caller("admin", EnumSet.of(Role.OFFICE, Role.STEERING), Set.of());
    }

    @Override
    public String getName() {
        return subject;
    }

    public boolean sees(String programmeId) {
        return programmes.isEmpty() || programmes.contains(programmeId);
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (programmes.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority(ALL_PROGRAMMES));
        }
        return authorities;
    }
}

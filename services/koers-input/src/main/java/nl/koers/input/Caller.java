package nl.koers.input;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the subject of a token or JWT (recorded as the actor of the events it causes), its roles, and the
 * programmes it may see and change; no programmes means all of them.
 */
public record Caller(String subject, Set<Role> roles, Set<String> programmes) implements Principal {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        programmes = Set.copyOf(programmes);
    }

    /** The caller of the admin token: {@code koers.security.admin-token}, or the one issued at the first start. */
    public static Caller admin() {
        return new Caller("admin", EnumSet.of(Role.OFFICE, Role.STEERING), Set.of());
    }

    @Override
    public String getName() {
        return subject;
    }

    public boolean sees(String programmeId) {
        return programmes.isEmpty() || programmes.contains(programmeId);
    }
}

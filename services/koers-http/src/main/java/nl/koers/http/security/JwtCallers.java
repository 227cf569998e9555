package nl.koers.http.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.koers.input.Caller;
import nl.koers.input.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A person signed in with the OIDC provider: the JWT's subject, with roles and programmes from the configured
 * claims. Role names the service does not know are ignored; a JWT without roles may do nothing, and so may one whose
 * programmes claim lists none. A JWT without a subject is refused.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    JwtCallers(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("A JWT without a subject names no actor");
        }
        Set<Role> roles = values(jwt, claims.rolesClaim()).map(name -> name.toUpperCase(Locale.ROOT))
                .filter(JwtCallers::isRole).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<String> programmes = values(jwt, claims.programmesClaim()).collect(Collectors.toSet());
        // no programmes means all of them, so a programmes claim that lists none may do nothing rather than all
        if (jwt.hasClaim(claims.programmesClaim()) && programmes.isEmpty()) {
            roles.clear();
        }
        return new CallerAuthentication(new Caller(jwt.getSubject(), roles, programmes));
    }

    private static Stream<String> values(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        Stream<String> values = Stream.empty();
        if (value instanceof Collection<?> list) {
            values = list.stream().map(String::valueOf);
        } else if (value instanceof String text) {
            values = Arrays.stream(text.split("[\\s,]+"));
        }
        return values.filter(text -> !text.isBlank());
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name));
    }
}

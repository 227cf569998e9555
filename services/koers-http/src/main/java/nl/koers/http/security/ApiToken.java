package nl.koers.http.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import nl.koers.input.Role;

/** An API token as it is listed: everything but the token itself, which is never kept. */
public record ApiToken(
        UUID id,
        String name,
        Set<Role> roles,
        Set<String> programmes,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt) {
}

package nl.koers.http.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.koers.api.NotFoundException;
import nl.koers.input.Caller;
import nl.koers.input.Ids;
import nl.koers.input.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for scripts and other systems, issued and revoked by an admin; a token is shown only when issued. */
@RestController
@RequestMapping(path = "/api/v1/admin/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** No programmes: every programme. No expiry: valid until revoked. */
    record NewToken(@NotBlank @Size(max = 100) String name,
                    @NotEmpty Set<@NotNull Role> roles,
                    Set<@NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String> programmes,
                    @Future Instant expiresAt) {
    }

    /** The token as listed, and the token itself. */
    record IssuedToken(@JsonUnwrapped ApiToken apiToken, String token) {
    }

    @Operation(summary = "Issue an API token", description = "A token for a script or another system, with roles, optional programmes and expiry; the token itself is shown this once.")
    @ApiResponse(responseCode = "201", description = "Issued; the token is in `token`", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken body, @AuthenticationPrincipal Caller admin) {
        ApiTokens.Issued issued = tokens.issue(body.name().strip(), body.roles(),
                body.programmes() == null ? Set.of() : body.programmes(), body.expiresAt(), admin.subject());
        return ResponseEntity.created(URI.create("/api/v1/admin/tokens/" + issued.token().id()))
                .body(new IssuedToken(issued.token(), issued.secret()));
    }

    @Operation(summary = "List API tokens", description = "Every token with who issued it, its expiry, revocation and last use; never the token itself.")
    @GetMapping
    List<ApiToken> list() {
        return tokens.list();
    }

    @Operation(summary = "Read an API token", description = "One token as listed.")
    @GetMapping("/{id}")
    ApiToken token(@PathVariable UUID id) {
        return tokens.find(id).orElseThrow(() -> notFound(id));
    }

    /** 204, also for a token revoked before. */
    @Operation(summary = "Revoke an API token", description = "The token is refused from the next request on (204, also when revoked before).")
    @ApiResponse(responseCode = "204", description = "Revoked", useReturnTypeSchema = true)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal Caller admin) {
        tokens.find(id).orElseThrow(() -> notFound(id));
        tokens.revoke(id, admin.subject());
        return ResponseEntity.noContent().build();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no API token '" + id + "'.");
    }
}

package nl.koers.http.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 as problem details. A caller is told that its credentials are missing or not accepted, never why a
 * token was refused; the reason goes to the log. A failure of the identity provider itself is 503, not 401, so
 * that people do not hunt for a fault in their token.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                tokenSent ? "The credentials sent are not valid, or no longer: expired or revoked."
                        : "Send an API token or a JWT as 'Authorization: Bearer <token>'."), json);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            log.error("Could not check a JWT with the identity provider", failure);
            Problems.write(request, response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Service unavailable", "Credentials cannot be checked right now; try again later."), json);
            return;
        }
        log.debug("Refused a bearer token: {}", failure.getMessage());
        commence(request, response, failure);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this request."), json);
    }
}

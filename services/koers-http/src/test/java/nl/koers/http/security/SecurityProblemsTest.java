package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A token the service refuses is 401; an identity provider it cannot reach is its own trouble, 503. */
class SecurityProblemsTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final SecurityProblems problems = new SecurityProblems(json);

    @Test
    void aRefusedTokenIs401WithoutTheReason() throws Exception {
        MockHttpServletResponse response = fail(new InvalidBearerTokenException("Jwt expired at 2026-01-01T00:00:00Z"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(response.getContentAsString()).contains("\"status\":401").doesNotContain("expired at");
    }

    @Test
    void anUnreachableIdentityProviderIs503() throws Exception {
        MockHttpServletResponse response = fail(new AuthenticationServiceException("Couldn't retrieve remote JWK set"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("JWK");
    }

    private MockHttpServletResponse fail(AuthenticationException failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/programmes");
        request.addHeader("Authorization", "Bearer eyJ...");
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.onAuthenticationFailure(request, response, failure);
        return response;
    }
}

package nl.koers.app;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * How tests authenticate: every service a test starts accepts {@link #ADMIN_TOKEN} as its admin token
 * ({@code koers.security.admin-token} in src/test/resources/config/application.yml), and the test helpers send it
 * ({@link RunningService}; MockMvc through the customizer below, which {@link KoersIntegrationTest} imports). A
 * request that sets its own Authorization header sends that instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCredentials {

    public static final String ADMIN_TOKEN = "koers-test-admin-token-not-a-secret";
    public static final String ADMIN_AUTHORIZATION = "Bearer " + ADMIN_TOKEN;

    @Bean
    MockMvcBuilderCustomizer requestsAsAdmin() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                .header(HttpHeaders.AUTHORIZATION, ADMIN_AUTHORIZATION));
    }
}

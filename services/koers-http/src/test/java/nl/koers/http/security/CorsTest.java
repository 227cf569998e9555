package nl.koers.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/** Browsers: closed to pages of other origins by default, open to those koers.http.cors.allowed-origins names. */
class CorsTest {

    @Test
    void noOriginIsAllowedUnlessConfigured() {
        assertThat(corsFor(List.of())).isNull();
    }

    @Test
    void theConfiguredOriginsMayCallTheApiWithATokenAndReadLocationAndCorrelationId() {
        CorsConfiguration cors = corsFor(List.of("https://dashboard.example"));

        assertThat(cors.checkOrigin("https://dashboard.example")).isEqualTo("https://dashboard.example");
        assertThat(cors.checkOrigin("https://elsewhere.example")).isNull();
        assertThat(cors.checkHeaders(List.of("Authorization", "Content-Type"))).isNotEmpty();
        assertThat(cors.getExposedHeaders()).contains("Location", "X-Correlation-Id");
        assertThat(cors.getAllowCredentials()).isNull();
    }

    private static CorsConfiguration corsFor(List<String> origins) {
        CorsConfigurationSource source = SecurityConfiguration.cors(
                new HttpSettings(DataSize.ofMegabytes(1), DataSize.ofMegabytes(50), DataSize.ofMegabytes(20),
                        new HttpSettings.Cors(origins)));
        return source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/programmes"));
    }
}

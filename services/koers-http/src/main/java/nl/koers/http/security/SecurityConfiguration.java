package nl.koers.http.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import nl.koers.http.Problems;
import nl.koers.input.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. Every caller sends a bearer token: an API token, or a JWT of the OIDC provider at
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} when one is configured. The rules below are the
 * whole role matrix; a caller limited to some programmes is kept to them by {@link ProgrammeScopeFilter}. Anything
 * not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] EVERY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
    private static final String PROGRAMME = "/api/v1/programmes/*";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SecuritySettings settings,
                            ObjectProvider<JwtDecoder> jwtDecoder, HttpSettings httpSettings, ObjectMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        AuthenticationManager credentials = credentials(tokens, settings, jwtDecoder.getIfAvailable());
        http
                // bearer tokens only, never cookies or sessions, so there is no session to ride on (CSRF)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(configurer -> configurer.configurationSource(cors(httpSettings)))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> credentials)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(failuresAnsweredBy(problems)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ProgrammeScopeFilter(json), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> roles(requests, settings));
        return http.build();
    }

    private static void roles(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                              SecuritySettings settings) {
        // administration, and new programmes, are for the programme office of the whole portfolio
        AuthorizationManager<RequestAuthorizationContext> officeOfAllProgrammes = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasRole(Role.OFFICE.name()),
                AuthorityAuthorizationManager.hasAuthority(CallerAuthentication.ALL_PROGRAMMES));
        // Spring Boot's error page, for failures outside Spring MVC: it shows no internals
        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        requests.requestMatchers(EndpointRequest.to("health")).permitAll();
        if (settings.protectPrometheus()) {
            requests.requestMatchers(EndpointRequest.to("prometheus")).hasAnyRole(EVERY_ROLE);
        } else {
            requests.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
        }
        requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/api/v1/admin/**").access(officeOfAllProgrammes)
                .requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/**").hasRole(Role.OFFICE.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(EVERY_ROLE)
                .requestMatchers(HttpMethod.POST, "/api/v1/programmes").access(officeOfAllProgrammes)
                // a portfolio document's items are checked one by one: programmes outside the caller's are refused
                .requestMatchers(HttpMethod.POST, "/api/v1/portfolio/plan", "/api/v1/portfolio/apply").hasRole(Role.OFFICE.name())
                .requestMatchers(HttpMethod.POST, PROGRAMME + "/readings", PROGRAMME + "/kpis/*/readings",
                        PROGRAMME + "/kpis/*/readings/*/correction",
                        PROGRAMME + "/kpis/*/readings/*/retraction", PROGRAMME + "/milestones/*/forecast")
                .hasAnyRole(Role.TEAM.name(), Role.OFFICE.name())
                .requestMatchers(HttpMethod.POST, PROGRAMME + "/milestones/*/rebaseline", PROGRAMME + "/evaluations/*/outcome",
                        "/api/v1/signals/*/acknowledgement")
                .hasRole(Role.STEERING.name())
                .requestMatchers(HttpMethod.POST, PROGRAMME + "/**").hasRole(Role.OFFICE.name())
                .anyRequest().denyAll();
    }

    /** API tokens first; any other bearer token must be a JWT of the configured OIDC provider. */
    private static AuthenticationManager credentials(ApiTokens tokens, SecuritySettings settings, JwtDecoder jwtDecoder) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new ApiTokenAuthenticationProvider(tokens, settings));
        if (jwtDecoder != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
            jwt.setJwtAuthenticationConverter(new JwtCallers(settings.jwt()));
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failuresAnsweredBy(SecurityProblems problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                filter.setAuthenticationFailureHandler(problems);
                return filter;
            }
        };
    }

    /** Closed to pages of other origins unless {@code koers.http.cors.allowed-origins} names them. */
    static CorsConfigurationSource cors(HttpSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.cors().allowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(settings.cors().allowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                    "X-Correlation-Id", "Koers-Position"));
            cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, "X-Correlation-Id", "Koers-Position", "Koers-Behind"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    /** Right after authentication, so that the bodies of callers who are refused are never read. */
    /** A request Spring Security's firewall refuses (a NUL or another control character, an encoded slash) is bad input. */
    /**
     * No observation of Spring Security's own steps: each request is observed as a whole (http.server.requests),
     * and wrapping every filter and authorization decision in an observation of its own cost about a tenth of a
     * request's CPU.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(request, response, Problems.problem(HttpStatus.BAD_REQUEST,
                "invalid-request", "Invalid request", "The request's address or parameters hold characters that are not allowed."),
                json);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(HttpSettings settings, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(settings.maxRequestSize().toBytes(), settings.maxCsvSize().toBytes(),
                        settings.maxPortfolioSize().toBytes(), json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}

package nl.koers.http.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document tells clients (and Swagger UI's Authorize button) to send a bearer token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(security = @SecurityRequirement(name = OpenApiSecurity.BEARER))
@SecurityScheme(name = OpenApiSecurity.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (koers_…, issued at POST /api/v1/admin/tokens) or a JWT of the OIDC provider")
class OpenApiSecurity {

    static final String BEARER = "bearer";
}

/**
 * Who may call the HTTP API: API tokens (issued, listed, revoked) and JWTs of any OIDC provider, roles and programme
 * scope, request size limits, CORS, and security failures as problem details.
 */
package nl.koers.http.security;

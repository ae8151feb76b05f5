package vn.khuyencong.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from. With no {@code issuerUri} the authorization server inside the application issues
 * them; with one, an external OIDC provider (Keycloak, VNeID) does and the embedded server does not start.
 */
@ConfigurationProperties("kc.identity")
record IdentityProperties(String issuerUri, String jwkSetUri, String rolesClaim, String clientId, String audience) {

    boolean embedded() {
        return issuerUri == null || issuerUri.isBlank();
    }
}

package vn.khuyencong.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from. With no {@code issuerUri} the authorization server inside the application issues
 * them; with one, an external OIDC provider (Keycloak, VNeID through Keycloak) does and the embedded server does
 * not start.
 *
 * @param issuerUri the external issuer, exactly as in the tokens' {@code iss}; empty for the embedded server
 * @param jwkSetUri where the external issuer's keys are fetched; empty: from its discovery document
 * @param rolesClaim dot-separated path of the claim holding the roles
 * @param clientId the web app's OIDC client
 * @param audience what access tokens must carry in {@code aud}; empty: not checked
 * @param invitationValidity how long an invitation link can be used
 * @param passwordResetValidity how long a password reset link can be used
 */
@ConfigurationProperties("kc.identity")
record IdentityProperties(String issuerUri, String jwkSetUri, @DefaultValue("roles") String rolesClaim,
        @DefaultValue("khuyencong-spa") String clientId, String audience,
        @DefaultValue("P7D") Duration invitationValidity, @DefaultValue("PT30M") Duration passwordResetValidity) {

    boolean embedded() {
        return issuerUri == null || issuerUri.isBlank();
    }

    boolean checksAudience() {
        return audience != null && !audience.isBlank();
    }
}

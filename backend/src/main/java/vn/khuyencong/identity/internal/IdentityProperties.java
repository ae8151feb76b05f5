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
 * @param agencyClaim the claim naming an officer's agency by its code
 * @param organisationClaim the claim naming an enterprise person's organisation by its id in this service
 * @param taxCodeClaim the claim naming an enterprise person's organisation by its tax code
 * @param organisationNameClaim the claim giving that organisation's name, offered when it is registered here
 * @param keySetRefresh how long the external issuer's key set is used before it is fetched again; with the
 *        remembered tokens' lifetime, the longest time a key the issuer withdrew is still honoured
 * @param sessionIdle how long a session lasts without activity (the web app warns before it ends; the embedded
 *        server's refresh tokens last this long, Keycloak's realm says the same)
 * @param sessionMax how long a session lasts at most, however active: a working day
 * @param accessTokenLifetime how long the embedded server's access tokens live (at most an hour); the web app renews
 *        them with its refresh token before they expire
 * @param passwordResetValidity how long a password reset link can be used
 */
@ConfigurationProperties("kc.identity")
record IdentityProperties(
        String issuerUri,
        String jwkSetUri,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("khuyencong-spa") String clientId,
        String audience,
        @DefaultValue("P7D") Duration invitationValidity,
        @DefaultValue("agency_code") String agencyClaim,
        @DefaultValue("org") String organisationClaim,
        @DefaultValue("org_tax_code") String taxCodeClaim,
        @DefaultValue("org_name") String organisationNameClaim,
        @DefaultValue("PT30S") Duration keySetRefresh,
        @DefaultValue("PT30M") Duration sessionIdle,
        @DefaultValue("PT10H") Duration sessionMax,
        @DefaultValue("PT5M") Duration accessTokenLifetime,
        @DefaultValue("PT30M") Duration passwordResetValidity) {

    IdentityProperties {
        if (accessTokenLifetime.compareTo(SigningKeys.ACCESS_TOKEN_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "kc.identity.access-token-lifetime is at most " + SigningKeys.ACCESS_TOKEN_LIFETIME);
        }
    }

    boolean embedded() {
        return issuerUri == null || issuerUri.isBlank();
    }

    boolean checksAudience() {
        return audience != null && !audience.isBlank();
    }
}

package vn.khuyencong.identity.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The authorization server inside the application, for the default run: one public SPA client (code + PKCE),
 * accounts in PostgreSQL, a signing key kept in PostgreSQL. Absent when an external issuer is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class EmbeddedAuthorizationServer {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${kc.public-url}") String publicUrl) {
        return AuthorizationServerSettings.builder().issuer(publicUrl).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties identity,
            @Value("${kc.public-url}") String publicUrl) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add(publicUrl);
        origins.add("http://localhost:5173"); // the frontend's development server
        RegisteredClient.Builder spa = RegisteredClient.withId(UUID.nameUUIDFromBytes(identity.clientId().getBytes()).toString())
                .clientId(identity.clientId())
                .clientName("Khuyến công Online")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(60)).build());
        for (String origin : origins) {
            spa.redirectUri(origin + "/auth/callback").postLogoutRedirectUri(origin + "/");
        }
        return new InMemoryRegisteredClientRepository(spa.build());
    }

    @Bean
    JwtDecoder embeddedJwtDecoder(SigningKeys keys, IdentityProperties identity,
            @Value("${kc.public-url}") String publicUrl) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(SecurityConfiguration.validator(publicUrl, identity.audience()));
        return decoder;
    }

    /** Access and ID tokens carry the roles, the organisation and the agency of the account. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(UserAccounts accounts, IdentityProperties identity) {
        return context -> accounts.find(context.getPrincipal().getName()).ifPresent(account -> {
            var claims = context.getClaims();
            claims.claim("preferred_username", account.username());
            claims.claim("name", account.displayName());
            claims.claim(identity.rolesClaim(), account.roles());
            if (account.organisationId() != null) {
                claims.claim("org", account.organisationId().toString());
            }
            if (account.agencyCode() != null) {
                claims.claim("agency", account.agencyCode());
            }
            if (identity.audience() != null && !identity.audience().isBlank()) {
                claims.audience(java.util.List.of(identity.audience()));
            }
        });
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

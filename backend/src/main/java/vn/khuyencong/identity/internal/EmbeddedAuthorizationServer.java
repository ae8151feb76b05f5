package vn.khuyencong.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The authorization server inside the application, for the default run: one public SPA client (code + PKCE),
 * accounts, signing keys, authorizations and the sign-in pages' sessions in PostgreSQL, so that any instance
 * serves any step of a sign-in. Absent when an external issuer is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class EmbeddedAuthorizationServer {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${kc.public-url}") String publicUrl) {
        return AuthorizationServerSettings.builder().issuer(publicUrl).build();
    }

    /** The web app, at the public URL and at the allowed origins (the frontend's development server). */
    @Bean
    RegisteredClientRepository registeredClientRepository(
            IdentityProperties identity, SecuritySettings security, @Value("${kc.public-url}") String publicUrl) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add(SecurityConfiguration.origin(publicUrl));
        origins.addAll(security.allowedOrigins());
        RegisteredClient.Builder spa = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(identity.clientId().getBytes()).toString())
                .clientId(identity.clientId())
                .clientName("Khuyến công Online")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                // short access tokens, renewed by single-use refresh tokens that last the idle limit
                // (SessionRefreshTokens): a withdrawn account or a reset password stops a session within minutes
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(identity.accessTokenLifetime())
                        .reuseRefreshTokens(false)
                        .refreshTokenTimeToLive(identity.sessionIdle())
                        .build());
        for (String origin : origins) {
            spa.redirectUri(origin + "/auth/callback").postLogoutRedirectUri(origin + "/");
        }
        return new InMemoryRegisteredClientRepository(spa.build());
    }

    /**
     * Authorizations (codes waiting to be exchanged, the tokens issued for them) in PostgreSQL: the code issued by
     * one instance is exchanged at whichever instance the load balancer picks.
     */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** Signs with the active key only; every published key verifies. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.activeKey());
    }

    /** ID and access tokens as JWTs with the account's claims; refresh tokens for the public web app too. */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(
            JwtEncoder encoder,
            OAuth2TokenCustomizer<JwtEncodingContext> claims,
            IdentityProperties identity,
            Clock clock) {
        JwtGenerator jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwt, new SessionRefreshTokens(identity, clock));
    }

    @Bean
    JwtDecoder embeddedJwtDecoder(
            SigningKeys keys, IdentityProperties identity, @Value("${kc.public-url}") String publicUrl) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(SecurityConfiguration.validator(publicUrl, identity.audience()));
        return new VerifiedTokens(decoder);
    }

    /**
     * Tokens carry the account's roles, organisation and agency as Keycloak's would (the API reads the account
     * itself on each request). Access tokens are addressed to the API; ID tokens keep the client as audience.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(UserAccounts accounts, IdentityProperties identity) {
        return context -> accounts.find(context.getPrincipal().getName()).ifPresent(account -> {
            var claims = context.getClaims();
            claims.claim("preferred_username", account.username());
            claims.claim("name", account.displayName());
            // mutable lists: the authorization (claims included) is stored as JSON and read back at each refresh,
            // where only the plain collection types are allowed
            claims.claim(
                    identity.rolesClaim(),
                    new ArrayList<>(account.roles().stream().map(Enum::name).toList()));
            if (account.organisationId() != null) {
                claims.claim("org", account.organisationId().toString());
            }
            if (account.agencyCode() != null) {
                claims.claim("agency", account.agencyCode());
            }
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && identity.checksAudience()) {
                claims.audience(new ArrayList<>(List.of(identity.audience())));
            }
        });
    }
}

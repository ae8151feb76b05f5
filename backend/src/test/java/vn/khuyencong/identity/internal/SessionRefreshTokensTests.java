package vn.khuyencong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;

/** A refresh token lasts the idle limit from its issue, never past the session's maximum from the sign-in. */
class SessionRefreshTokensTests {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    static RegisteredClient client(boolean mayRefresh) {
        RegisteredClient.Builder client = RegisteredClient.withId("spa")
                .clientId("khuyencong-spa")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/cb");
        if (mayRefresh) {
            client.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        return client.build();
    }

    static OAuth2RefreshToken generate(RegisteredClient client, Instant signedIn) {
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
                .principalName("doanhnghiep")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AuthorizationCode("code", signedIn, signedIn.plusSeconds(300)))
                .build();
        return new SessionRefreshTokens(IdentityProviderHealthTests.external(""), Clock.fixed(NOW, ZoneOffset.UTC))
                .generate(DefaultOAuth2TokenContext.builder()
                        .registeredClient(client)
                        .authorization(authorization)
                        .tokenType(OAuth2TokenType.REFRESH_TOKEN)
                        .build());
    }

    @Test
    void earlyInTheDayItLastsTheIdleLimit() {
        OAuth2RefreshToken token = generate(client(true), NOW.minus(Duration.ofHours(2)));
        assertThat(token.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(token.getTokenValue()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void nearTheEndOfTheWorkingDayItEndsWithTheSession() {
        Instant signedIn = NOW.minus(Duration.ofHours(9).plusMinutes(50));
        assertThat(generate(client(true), signedIn).getExpiresAt()).isEqualTo(signedIn.plus(Duration.ofHours(10)));
    }

    @Test
    void afterTheSessionsMaximumThereIsNone() {
        assertThat(generate(client(true), NOW.minus(Duration.ofHours(10)))).isNull();
    }

    @Test
    void aClientNotAllowedToRefreshGetsNone() {
        assertThat(generate(client(false), NOW.minus(Duration.ofHours(1)))).isNull();
    }
}

package vn.khuyencong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the web app, a public client (no secret; code + PKCE), so that a session lasts a working day
 * without the access token living long. Each refresh token is used once (rotation: the token endpoint answers a new
 * one and the old one is spent, see {@code TokenSettings.reuseRefreshTokens(false)}); each lasts the idle limit from
 * its issue and never past the session's maximum, counted from the sign-in (the authorization code's issue). The
 * public client identifies itself at the token and revocation endpoints by its {@code client_id} alone, as RFC 6749
 * section 3.2.1 allows; only the refresh-token grant and revocation are open to it that way.
 */
final class SessionRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    /** Marks a client authentication this class made, so that only its provider accepts it. */
    static final String PUBLIC_CLIENT_REFRESH = SessionRefreshTokens.class.getName();

    private final IdentityProperties identity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SessionRefreshTokens(IdentityProperties identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !context.getRegisteredClient()
                        .getAuthorizationGrantTypes()
                        .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        Instant now = clock.instant();
        Instant signedIn = signedInAt(context.getAuthorization(), now);
        Instant idleEnd = now.plus(identity.sessionIdle());
        Instant sessionEnd = signedIn.plus(identity.sessionMax());
        Instant expires = idleEnd.isBefore(sessionEnd) ? idleEnd : sessionEnd;
        if (!expires.isAfter(now)) {
            return null;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new OAuth2RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret), now, expires);
    }

    /** The sign-in the session started with: the authorization code's issue, kept on the authorization. */
    private static Instant signedInAt(OAuth2Authorization authorization, Instant now) {
        if (authorization == null) {
            return now;
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        return code != null && code.getToken().getIssuedAt() != null
                ? code.getToken().getIssuedAt()
                : now;
    }

    /**
     * A refresh or a revocation by a public client, naming itself by {@code client_id} only (no secret, no
     * Authorization header); anything else is left to the server's own converters.
     */
    static AuthenticationConverter converter() {
        return request -> {
            if (!"POST".equals(request.getMethod())
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
                return null;
            }
            boolean refresh = AuthorizationGrantType.REFRESH_TOKEN
                            .getValue()
                            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    && endsWith(request, "/oauth2/token");
            boolean revocation = endsWith(request, "/oauth2/revoke");
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (!(refresh || revocation) || clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(
                    clientIds[0], ClientAuthenticationMethod.NONE, null, Map.of(PUBLIC_CLIENT_REFRESH, true));
        };
    }

    private static boolean endsWith(HttpServletRequest request, String path) {
        return request.getRequestURI().endsWith(path);
    }

    /** Accepts the client named by {@link #converter()} if it is public and may refresh. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
                if (!Boolean.TRUE.equals(request.getAdditionalParameters().get(PUBLIC_CLIENT_REFRESH))) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId(String.valueOf(request.getPrincipal()));
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}

package vn.khuyencong.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers, for a short while, the access tokens another decoder has verified. A client sends the same token with
 * every request until it expires; parsing it and checking its RS256 signature again each time was the largest part
 * of a request's authentication. Only a token that passed the full check is remembered, under its exact text (a
 * changed byte is another key, checked in full); it is served from memory only before its expiry and for at most
 * {@code remember} after it was verified, so a signing key taken out of service stops being honoured within that
 * time. The account behind the token is still read on every request (see {@code SecurityConfiguration}).
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBER = Duration.ofSeconds(30);
    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder) {
        this(decoder, REMEMBER, MAX_TOKENS, Clock.systemUTC());
    }

    VerifiedTokens(JwtDecoder decoder, Duration remember, int maxTokens, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfterWrite(remember)
                .ticker(() -> clock.instant().toEpochMilli() * 1_000_000L)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null && stillValid(jwt)) {
            return jwt;
        }
        jwt = decoder.decode(token);
        if (stillValid(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Remembered only while it has not expired; one without an expiry is checked in full every time. */
    private boolean stillValid(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        return expires != null && clock.instant().isBefore(expires);
    }
}

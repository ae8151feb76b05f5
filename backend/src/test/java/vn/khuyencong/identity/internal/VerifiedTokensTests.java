package vn.khuyencong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Real RS256 tokens, a real decoder behind the memory, and a clock the test moves. */
class VerifiedTokensTests {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T08:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private NimbusJwtEncoder encoder;
    private VerifiedTokens tokens;

    @BeforeEach
    void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        encoder = NimbusJwtEncoder.withKeyPair((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
                .build();
        NimbusJwtDecoder real =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
        JwtTimestampValidator time = new JwtTimestampValidator(Duration.ZERO);
        time.setClock(clock);
        real.setJwtValidator(time);
        JwtDecoder counted = token -> {
            verifications.incrementAndGet();
            return real.decode(token);
        };
        tokens = new VerifiedTokens(counted, Duration.ofSeconds(60), 100, clock);
    }

    private String token(Duration lifetime) {
        Instant now = clock.instant();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(),
                        JwtClaimsSet.builder()
                                .subject("thamdinh")
                                .issuedAt(now)
                                .expiresAt(now.plus(lifetime))
                                .build()))
                .getTokenValue();
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWhileRemembered() {
        String token = token(Duration.ofMinutes(60));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("thamdinh");
        clock.advance(Duration.ofSeconds(30));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("thamdinh");
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(31)); // more than a minute since it was verified
        tokens.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithAChangedSignatureIsRefusedEveryTime() {
        String token = token(Duration.ofMinutes(60));
        tokens.decode(token);
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void anExpiredTokenIsNotServedFromMemory() {
        String token = token(Duration.ofSeconds(20));
        tokens.decode(token);
        clock.advance(Duration.ofSeconds(21));
        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    /** A clock whose time the test sets. */
    static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

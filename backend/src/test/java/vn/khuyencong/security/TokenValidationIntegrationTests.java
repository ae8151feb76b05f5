package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * A token is accepted only when signed by a published key with RS256, issued by this issuer for this API, and
 * within its validity. Each refusal is a 401 problem detail. Tokens are made here with the issuer's own stored key,
 * so each one differs from a good token in exactly one way.
 */
class TokenValidationIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String issuer() {
        return "http://localhost:" + PORT;
    }

    RSAKey issuerKey() throws Exception {
        return RSAKey.parse(jdbc.sql("select jwk from identity_signing_key where active")
                .query(String.class)
                .single());
    }

    JWTClaimsSet.Builder goodClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("doanhnghiep")
                .audience("khuyencong-api")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("preferred_username", "doanhnghiep")
                .claim("roles", List.of("ENTERPRISE"));
    }

    String signed(RSAKey key, String kid, Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
        JWTClaimsSet.Builder claims = goodClaims();
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://khuyencong.gov.vn/problems/invalid-token");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(response.body()).doesNotContain("Exception", "expired", "signature");
    }

    Api.Response callWith(String token) {
        return api().withToken(token).get("/api/v1/me");
    }

    @Test
    void aTokenMadeLikeTheIssuersIsAccepted() throws Exception {
        RSAKey key = issuerKey();
        Api.Response me = callWith(signed(key, key.getKeyID(), claims -> {}));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("doanhnghiep");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        RSAKey key = issuerKey();
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertRefused(callWith(signed(
                key,
                key.getKeyID(),
                claims -> claims.issueTime(Date.from(past))
                        .notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(60)))))));
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        RSAKey key = issuerKey();
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        assertRefused(callWith(signed(
                key,
                key.getKeyID(),
                claims -> claims.notBeforeTime(Date.from(later))
                        .expirationTime(Date.from(later.plus(Duration.ofMinutes(60)))))));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        RSAKey key = issuerKey();
        assertRefused(
                callWith(signed(key, key.getKeyID(), claims -> claims.issuer("https://dang-nhap.gia-mao.example"))));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        RSAKey key = issuerKey();
        assertRefused(callWith(signed(key, key.getKeyID(), claims -> claims.audience("khuyencong-spa"))));
        assertRefused(callWith(signed(key, key.getKeyID(), claims -> claims.audience(List.of()))));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        assertRefused(callWith(new PlainJWT(goodClaims().build()).serialize()));
    }

    @Test
    void aTokenWithABadSignatureIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).generate();
        assertRefused(callWith(signed(impostor, issuerKey().getKeyID(), claims -> {})));
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
        RSAKey impostor =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        assertRefused(callWith(signed(impostor, impostor.getKeyID(), claims -> {})));
    }

    @Test
    void aTokenSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws Exception {
        RSAKey key = issuerKey();
        byte[] secret = key.toPublicJWK().toJSONString().getBytes();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                goodClaims().build());
        jwt.sign(new MACSigner(secret));
        assertRefused(callWith(jwt.serialize()));
    }

    @Test
    void garbageIsRefused() {
        assertRefused(callWith("garbage"));
        assertRefused(callWith("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"));
    }

    @Test
    void aGoodTokenOfADisabledAccountIsRefusedAtOnce() throws Exception {
        String username = "tam.khoa." + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("insert into user_account (id, username, password_hash, display_name, roles, agency_code) "
                        + "values (?, ?, 'x', 'Tạm khoá', array['REVIEWER'], '000.00.15.H55')")
                .params(UUID.randomUUID(), username)
                .update();
        RSAKey key = issuerKey();
        String token = signed(key, key.getKeyID(), claims -> claims.subject(username));
        assertThat(callWith(token).status()).isEqualTo(200);

        jdbc.sql("update user_account set enabled = false where username = ?")
                .param(username)
                .update();

        assertRefused(callWith(token));
    }
}

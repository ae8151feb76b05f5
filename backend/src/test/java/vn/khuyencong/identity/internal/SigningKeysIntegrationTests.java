package vn.khuyencong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * Signing keys live in PostgreSQL: another instance (or this one after a restart) verifies the tokens this one
 * issued, and a rotation changes the signing key without invalidating tokens already handed out.
 */
class SigningKeysIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void anotherInstanceReadingTheSameDatabaseVerifiesTheTokens() throws Exception {
        String token = api().as("doanhnghiep").token();

        SigningKeys anotherInstance = new SigningKeys(jdbc, transactions, clock);
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSource(anotherInstance).build();

        assertThat(decoder.decode(token).getSubject()).isEqualTo("doanhnghiep");
        assertThat(anotherInstance.activeKid()).isEqualTo(kid(token));
    }

    @Test
    void onlyTheSigningKeyHoldsAPrivatePart() throws Exception {
        SigningKeys keys = new SigningKeys(jdbc, transactions, clock);
        assertThat(keys.keys().getKeys())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(keys.activeKey().get(new JWKSelector(new JWKMatcher.Builder().build()), null))
                .allSatisfy(
                        key -> assertThat(key.isPrivate()).as("the signing key").isTrue());
    }

    @Test
    void aRotationSignsNewTokensWithANewKeyAndKeepsTheOldTokensValid() throws Exception {
        String before = api().as("doanhnghiep").token();
        Api admin = api().as("quantri");

        Api.Response rotated = admin.post("/api/v1/admin/signing-keys/rotation", Map.of());

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String newKid = rotated.json().get("kid").asString();
        String after = api().as("doanhnghiep").token();
        assertThat(kid(after)).isEqualTo(newKid).isNotEqualTo(kid(before));
        assertThat(api().withToken(before).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api().withToken(after).get("/api/v1/me").status()).isEqualTo(200);

        JsonNode jwks = api().get("/oauth2/jwks").json();
        assertThat(jwks.get("keys").findValuesAsString("kid")).contains(kid(before), newKid);
        assertThat(jwks.toString()).as("only public parts are published").doesNotContain("\"d\"", "\"p\"", "\"q\"");

        JsonNode keys = admin.get("/api/v1/admin/signing-keys").json();
        assertThat(keys.findValues("active").stream()
                        .filter(JsonNode::asBoolean)
                        .count())
                .isEqualTo(1);
        assertThat(keys.toString()).doesNotContain("\"d\"");
        assertThat(jdbc.sql("select count(*) from security_event where type = 'SIGNING_KEY_ROTATED' and target = ?")
                        .param(newKid)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // an instance that still caches the previous key learns the new one as soon as a token names it
        SigningKeys otherInstance = new SigningKeys(jdbc, transactions, clock);
        assertThat(NimbusJwtDecoder.withJwkSource(otherInstance)
                        .build()
                        .decode(after)
                        .getSubject())
                .isEqualTo("doanhnghiep");
    }
}

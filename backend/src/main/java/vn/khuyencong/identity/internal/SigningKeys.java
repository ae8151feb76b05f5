package vn.khuyencong.identity.internal;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The signing key of the embedded authorization server, kept in PostgreSQL so that tokens stay valid after a
 * restart and on every instance. The first instance to start creates it; the others read it.
 */
@Component
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class SigningKeys implements JWKSource<SecurityContext> {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile JWKSet keys;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys());
    }

    JWKSet keys() {
        JWKSet current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                current = keys;
            }
        }
        return current;
    }

    private JWKSet load() {
        return transactions.execute(status -> {
            List<String> stored = activeKeys();
            if (stored.isEmpty()) {
                RSAKey key = generate();
                jdbc.sql("insert into identity_signing_key (kid, jwk, active) values (?, ?, true) on conflict do nothing")
                        .params(key.getKeyID(), key.toJSONString()).update();
                stored = activeKeys();
            }
            try {
                return new JWKSet(JWK.parse(stored.getFirst()));
            }
            catch (ParseException e) {
                throw new IllegalStateException("The stored signing key cannot be read", e);
            }
        });
    }

    private List<String> activeKeys() {
        return jdbc.sql("select jwk from identity_signing_key where active").query(String.class).list();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }
}

package vn.khuyencong.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys of the embedded authorization server, kept in PostgreSQL so that tokens stay valid after a
 * restart and on every instance. One key is active and signs; after a rotation the previous one is retired but
 * stays published at the JWKS endpoint (and accepted) until every token it signed has expired.
 *
 * <p>Each instance caches the keys and reads them again every {@link #REFRESH}, and at once (at most every
 * {@link #UNKNOWN_KID_PAUSE}) when a token names a key it does not know: a key made by a rotation on another instance.
 */
@Component
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class SigningKeys implements JWKSource<SecurityContext> {

    /** The longest an access token may live ({@code kc.identity.access-token-lifetime} is at most this). */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(60);

    static final Duration REFRESH = Duration.ofMinutes(5);
    static final Duration UNKNOWN_KID_PAUSE = Duration.ofSeconds(30);
    /** An instance may sign with a retired key until its next refresh; its tokens then live their lifetime. */
    static final Duration RETIRED_KEY_PUBLISHED =
            ACCESS_TOKEN_LIFETIME.plus(REFRESH).plus(REFRESH);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Loaded loaded;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A stored key as administrators see it: never its private part. */
    record KeyInfo(String kid, boolean active, Instant createdAt, Instant retiredAt) {}

    private record Loaded(RSAKey active, JWKSet published, Instant at) {}

    /** Every published key, for the JWKS endpoint and for verifying tokens. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Loaded current = current();
        List<JWK> found = selector.select(current.published());
        if (found.isEmpty()
                && !selector.getMatcher().getKeyIDs().isEmpty()
                && Duration.between(current.at(), clock.instant()).compareTo(UNKNOWN_KID_PAUSE) > 0) {
            found = selector.select(reload().published());
        }
        return found;
    }

    /** Only the active key: what the token encoder signs with. */
    JWKSource<SecurityContext> activeKey() {
        return (selector, context) -> selector.select(new JWKSet(current().active()));
    }

    JWKSet keys() {
        return current().published();
    }

    String activeKid() {
        return current().active().getKeyID();
    }

    List<KeyInfo> list() {
        return jdbc.sql("select kid, active, created_at, retired_at from identity_signing_key order by created_at desc")
                .query((rs, n) -> new KeyInfo(
                        rs.getString("kid"),
                        rs.getBoolean("active"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null
                                ? null
                                : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    /**
     * Retires the active key and makes a new one active; keys retired long enough ago are deleted, private part
     * included. Concurrent rotations on several instances are serialised by the row lock on the active key.
     *
     * @return the new key's id
     */
    String rotate() {
        RSAKey next = generate();
        transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("select kid from identity_signing_key where active for update")
                    .query(String.class)
                    .list();
            jdbc.sql("update identity_signing_key set active = false, retired_at = ? where active")
                    .param(now)
                    .update();
            jdbc.sql("insert into identity_signing_key (kid, jwk, active, created_at) values (?, ?, true, ?)")
                    .params(next.getKeyID(), next.toJSONString(), now)
                    .update();
            jdbc.sql("delete from identity_signing_key where not active and retired_at < ?")
                    .param(Timestamp.from(clock.instant().minus(RETIRED_KEY_PUBLISHED)))
                    .update();
        });
        reload();
        return next.getKeyID();
    }

    private Loaded current() {
        Loaded current = loaded;
        if (current == null || Duration.between(current.at(), clock.instant()).compareTo(REFRESH) > 0) {
            return reload();
        }
        return current;
    }

    private synchronized Loaded reload() {
        Loaded fresh = transactions.execute(status -> {
            if (jdbc.sql("select count(*) from identity_signing_key where active")
                            .query(Integer.class)
                            .single()
                    == 0) {
                RSAKey key = generate();
                // another instance starting at the same moment may win: its key is then the one read below
                jdbc.sql(
                                "insert into identity_signing_key (kid, jwk, active, created_at) values (?, ?, true, ?) on conflict do nothing")
                        .params(key.getKeyID(), key.toJSONString(), Timestamp.from(clock.instant()))
                        .update();
            }
            record Row(String jwk, boolean active) {}
            List<Row> rows = jdbc.sql("""
                    select jwk, active from identity_signing_key
                    where active or retired_at >= ? order by active desc, created_at desc""")
                    .param(Timestamp.from(clock.instant().minus(RETIRED_KEY_PUBLISHED)))
                    .query((rs, n) -> new Row(rs.getString("jwk"), rs.getBoolean("active")))
                    .list();
            List<JWK> published = new ArrayList<>();
            RSAKey active = null;
            for (Row row : rows) {
                RSAKey key = parse(row.jwk());
                // verification needs only the public part (and converting a private key on each request is costly)
                published.add(key.toPublicJWK());
                if (row.active()) {
                    active = key;
                }
            }
            return new Loaded(active, new JWKSet(published), clock.instant());
        });
        loaded = fresh;
        return fresh;
    }

    private static RSAKey parse(String json) {
        try {
            return JWK.parse(json).toRSAKey();
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }
}

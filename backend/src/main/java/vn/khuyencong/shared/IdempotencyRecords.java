package vn.khuyencong.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The answers recorded under idempotency keys, per user and key, in {@code idempotency_record}: the claim of a key
 * for the running transaction (a transaction-scoped advisory lock), the look-up of an answer recorded under it, the
 * recording of a new one, and the expiry of those older than {@link #KEPT}. Everything runs in the caller's
 * transaction ({@link IdempotencyFilter}).
 */
@Component
class IdempotencyRecords {

    static final Duration KEPT = Duration.ofHours(24);
    /**
     * First half of the advisory lock of a key ("kcId"), the second being a hash of (user, key). The two-part form
     * keeps these locks apart from the single-number locks of the scheduled jobs.
     */
    static final int LOCK_CLASS = 0x6b63_4964;

    /** An answer recorded under a key, with the hash of the request it answered. */
    record Stored(String requestHash, int status, String contentType, String body) {}

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims (user, key) until the running transaction ends; false when another transaction holds it (a copy of the
     * request is still running).
     */
    boolean claim(String principal, String key) {
        return jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
                .params(LOCK_CLASS, lockKey(principal, key))
                .query(Boolean.class)
                .single();
    }

    /** The answer recorded under (user, key), if any. */
    Optional<Stored> find(String principal, String key) {
        return jdbc.sql("""
                select request_hash, status, content_type, body from idempotency_record
                where principal = ? and key = ?""")
                .params(principal, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Records the answer to a request under (user, key), in the request's own transaction. */
    void complete(String principal, String key, Stored answer) {
        jdbc.sql("""
                insert into idempotency_record (principal, key, request_hash, status, content_type, body)
                values (?, ?, ?, ?, ?, ?)""")
                .params(principal, key, answer.requestHash(), answer.status(), answer.contentType(), answer.body())
                .update();
    }

    /** Forgets the answers older than {@link #KEPT}. */
    void forgetExpired() {
        jdbc.sql("delete from idempotency_record where created_at < now() - make_interval(secs => ?)")
                .param(KEPT.toSeconds())
                .update();
    }

    /** The second half of the advisory lock of (user, key). */
    static int lockKey(String principal, String key) {
        return ByteBuffer.wrap(sha256().digest((principal + "\n" + key).getBytes(StandardCharsets.UTF_8)))
                .getInt();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

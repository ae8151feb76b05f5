package vn.khuyencong.shared;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits (Bucket4j) whose state lives in PostgreSQL, table {@code rate_limit_bucket}: every
 * backend instance counts against the same buckets. Keys are hashed, so the table holds no address or name.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /**
     * A limit: at most {@code capacity} requests, refilled evenly over {@code period}.
     *
     * @param name what is limited, part of every bucket's key
     */
    public record Limit(String name, long capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs a positive capacity and period: " + name);
            }
        }
    }

    /** Whether a request may go on, and if not, when it may be tried again. */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {

        /** Whole seconds for a {@code Retry-After} header, never zero. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Takes one token from the bucket of {@code key} under {@code limit}. */
    public Decision tryConsume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return new Decision(
                probe.isConsumed(),
                probe.getRemainingTokens(),
                Duration.ofNanos(probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill()));
    }

    /** Whether one token could be taken now, without taking it. */
    public Decision check(Limit limit, String key) {
        EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
        return new Decision(
                probe.canBeConsumed(),
                probe.getRemainingTokens(),
                Duration.ofNanos(probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill()));
    }

    /** Gives back a token taken for a request that turned out not to count (a successful sign-in). */
    public void giveBack(Limit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    private BucketProxy bucket(Limit limit, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        return buckets.builder().build(sha256(limit.name() + "\n" + key), () -> configuration);
    }

    /** Full buckets are useless rows: they expire once refilled and are swept here. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @SchedulerLock(name = "rate-limit-buckets-cleanup", lockAtLeastFor = "PT1M")
    void removeExpired() {
        try {
            int removed;
            int total = 0;
            do {
                removed = buckets.removeExpired(1000);
                total += removed;
            } while (removed == 1000);
            if (total > 0) {
                log.debug("Removed {} expired rate-limit buckets", total);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate-limit buckets: {}", e.getMessage());
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

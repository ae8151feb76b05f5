package vn.khuyencong.identity.internal;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the embedded authorization server's authorizations once nothing in them can be used any more: the code
 * expired unexchanged, or the tokens issued for it expired (kept a day longer for the record). Expired web
 * sessions are removed by Spring Session itself.
 */
@Component
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class SignInStateCleanup {

    private static final Logger log = LoggerFactory.getLogger(SignInStateCleanup.class);
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final JdbcClient jdbc;

    SignInStateCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
    @SchedulerLock(name = "authorizations-cleanup", lockAtLeastFor = "PT5M")
    void removeExpiredAuthorizations() {
        int removed = removeExpiredBefore(KEPT_AFTER_EXPIRY);
        if (removed > 0) {
            log.debug("Removed {} expired authorizations", removed);
        }
    }

    int removeExpiredBefore(Duration kept) {
        return jdbc.sql("""
                delete from oauth2_authorization
                where greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                               refresh_token_expires_at) < now() - make_interval(secs => ?)""").param(kept.toSeconds()).update();
    }
}

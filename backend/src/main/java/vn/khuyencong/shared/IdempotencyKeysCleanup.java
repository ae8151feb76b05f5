package vn.khuyencong.shared;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the responses kept for idempotency keys once they are older than {@link IdempotencyFilter#KEPT}. */
@Component
class IdempotencyKeysCleanup {

    private final JdbcClient jdbc;

    IdempotencyKeysCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "idempotency-keys-cleanup", lockAtLeastFor = "PT5M")
    void forgetOldKeys() {
        jdbc.sql("delete from idempotency_record where created_at < now() - make_interval(secs => ?)")
                .param(IdempotencyFilter.KEPT.toSeconds())
                .update();
    }
}

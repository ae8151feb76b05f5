package vn.khuyencong.shared;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the responses kept for idempotency keys once they are older than {@link IdempotencyRecords#KEPT}. */
@Component
class IdempotencyKeysCleanup {

    private final IdempotencyRecords records;

    IdempotencyKeysCleanup(IdempotencyRecords records) {
        this.records = records;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "idempotency-keys-cleanup", lockAtLeastFor = "PT5M")
    void forgetOldKeys() {
        records.forgetExpired();
    }
}

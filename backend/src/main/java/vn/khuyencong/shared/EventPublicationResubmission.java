package vn.khuyencong.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The work a step leaves for after its commit (the listeners of Spring Modulith's event publication registry: the
 * official papers) is done again when it did not complete, without waiting for an instance to restart.
 * <p>
 * The registry keeps each publication's status. A listener that throws leaves it {@code FAILED}; the registry's
 * staleness monitor (configured from the same setting, {@code spring.modulith.events.staleness.*}) marks
 * {@code FAILED} a publication still {@code PUBLISHED}, {@code PROCESSING} or {@code RESUBMITTED}
 * {@code kc.events.resubmit-after} after it was published: its instance died, or it is stuck. Every
 * {@code kc.events.resubmit-interval}, on one instance at a time, this job resubmits the failed publications whose
 * last attempt (publication or resubmission) is older than {@code kc.events.resubmit-after}: the registry claims each
 * one in the database (marked {@code RESUBMITTED} unless it already is, so two instances never resubmit the same one)
 * and runs its listener again, asynchronously. A publication that fails again waits {@code resubmit-after} before the
 * next attempt.
 * <p>
 * The age is checked here as well as by the registry because Modulith 2.0.3 ignores the minimum age for failed
 * publications, and its staleness monitor measures a resubmitted publication's age from its first publication. The
 * age must exceed the time a listener may take: a publication still processed by a live instance past it is run a
 * second time in parallel. Listeners must therefore be idempotent (issuing a paper finds the paper already issued for
 * the same dossier, kind and history entry).
 */
@Component
class EventPublicationResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

    private final FailedEventPublications failed;
    private final Duration resubmitAfter;
    private final Clock clock;

    EventPublicationResubmission(
            FailedEventPublications failed,
            @Value("${kc.events.resubmit-after:PT5M}") Duration resubmitAfter,
            Clock clock) {
        this.failed = failed;
        this.resubmitAfter = resubmitAfter;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kc.events.resubmit-interval:PT1M}",
            initialDelayString = "${kc.events.resubmit-interval:PT1M}")
    @SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT10M")
    void resubmitFailed() {
        Instant due = clock.instant().minus(resubmitAfter);
        List<String> resubmitted = new ArrayList<>();
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(resubmitAfter).withFilter(publication -> {
            if (!lastAttempt(publication).isBefore(due)) {
                return false;
            }
            resubmitted.add(publication.getIdentifier() + " ("
                    + publication.getEvent().getClass().getSimpleName() + ", attempt "
                    + (publication.getCompletionAttempts() + 1) + ")");
            return true;
        }));
        if (!resubmitted.isEmpty()) {
            log.info("Resubmitting {} failed event publication(s): {}", resubmitted.size(), resubmitted);
        }
    }

    private static Instant lastAttempt(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted != null && resubmitted.isAfter(publication.getPublicationDate())
                ? resubmitted
                : publication.getPublicationDate();
    }
}

package vn.khuyencong.paper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.DossierTransitioned;
import vn.khuyencong.workflow.HistoryEntry;

/**
 * Issues the papers a step calls for once the step is committed. Through the event publication registry: a paper
 * not yet issued when the application stops is issued after the restart, and issuing is idempotent.
 */
@Component
class PaperIssuer {

    /** The papers one committed step calls for: the publication the registry keeps until they are issued. */
    record PapersDue(UUID dossierId, DossierEvent event, Instant at, List<PaperKind> kinds) {}

    private final Papers papers;
    private final DossierHistory history;
    private final ApplicationEventPublisher events;

    PaperIssuer(Papers papers, DossierHistory history, ApplicationEventPublisher events) {
        this.papers = papers;
        this.history = history;
        this.events = events;
    }

    /**
     * In the step's own transaction: only a step that calls for a paper hands work to the registry, so the other
     * steps (an assignment, the start of a review) store no publication.
     */
    @EventListener
    void on(DossierTransitioned event) {
        List<PaperKind> kinds = PaperKind.issuedBy(event);
        if (!kinds.isEmpty()) {
            events.publishEvent(new PapersDue(event.dossierId(), event.event(), event.at(), kinds));
        }
    }

    @ApplicationModuleListener
    void issue(PapersDue due) {
        HistoryEntry entry = entryOf(due);
        for (PaperKind kind : due.kinds()) {
            papers.issue(due.dossierId(), kind, entry.id());
        }
    }

    /** The history row the transition wrote: same event, same instant (the database keeps microseconds). */
    private HistoryEntry entryOf(PapersDue due) {
        List<HistoryEntry> entries = history.of(due.dossierId());
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            if (due.event().name().equals(entry.event())
                    && Duration.between(entry.occurredAt(), due.at()).abs().compareTo(Duration.ofMillis(1)) < 0) {
                return entry;
            }
        }
        throw new IllegalStateException("No history entry for " + due);
    }
}

package vn.khuyencong.paper;

import java.time.Duration;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.DossierTransitioned;
import vn.khuyencong.workflow.HistoryEntry;

/**
 * Issues the papers a step calls for once the step is committed. Through the event publication registry: a paper
 * not yet issued when the application stops is issued after the restart, and issuing is idempotent.
 */
@Component
class PaperIssuer {

    private final Papers papers;
    private final DossierHistory history;

    PaperIssuer(Papers papers, DossierHistory history) {
        this.papers = papers;
        this.history = history;
    }

    /**
     * Only the steps that call for a paper reach the listener (and the event publication registry): the condition
     * is evaluated before a publication is stored.
     */
    @ApplicationModuleListener(condition = "!T(vn.khuyencong.paper.PaperKind).issuedBy(#event).isEmpty()")
    void on(DossierTransitioned event) {
        List<PaperKind> kinds = PaperKind.issuedBy(event);
        if (kinds.isEmpty()) {
            return;
        }
        HistoryEntry entry = entryOf(event);
        for (PaperKind kind : kinds) {
            papers.issue(event.dossierId(), kind, entry.id());
        }
    }

    /** The history row the transition wrote: same event, same instant (the database keeps microseconds). */
    private HistoryEntry entryOf(DossierTransitioned event) {
        List<HistoryEntry> entries = history.of(event.dossierId());
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            if (event.event().name().equals(entry.event())
                    && Duration.between(entry.occurredAt(), event.at()).abs().compareTo(Duration.ofMillis(1)) < 0) {
                return entry;
            }
        }
        throw new IllegalStateException("No history entry for " + event);
    }
}

package vn.khuyencong.paper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.khuyencong.dossier.DossierStatus;
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

    @ApplicationModuleListener
    void on(DossierTransitioned event) {
        List<PaperKind> kinds = new ArrayList<>();
        switch (event.event()) {
            case SUBMIT, RESUBMIT -> kinds.add(PaperKind.RECEIPT);
            case REQUEST_SUPPLEMENT -> kinds.add(PaperKind.SUPPLEMENT_REQUEST);
            case RESCHEDULE -> kinds.add(PaperKind.APOLOGY);
            case REJECT -> kinds.addAll(List.of(PaperKind.REFUSAL, PaperKind.PROCESS_CONTROL));
            case APPROVE -> kinds.addAll(List.of(PaperKind.DECISION, PaperKind.PROCESS_CONTROL));
            case WITHDRAW -> {
                if (event.from() != DossierStatus.DRAFT) {
                    kinds.add(PaperKind.PROCESS_CONTROL);
                }
            }
            default -> {
            }
        }
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

package vn.khuyencong.workflow;

import java.time.Instant;

import vn.khuyencong.dossier.DossierStatus;

/** One row of a dossier's append-only history. */
public record HistoryEntry(long id, DossierEvent event, DossierStatus from, DossierStatus to, String actor,
        String actorRole, String comment, Instant occurredAt) {
}

package vn.khuyencong.workflow;

import java.time.Instant;
import vn.khuyencong.dossier.DossierStatus;

/**
 * One row of a dossier's append-only history: a transition ({@code event} names a {@link DossierEvent}) or an
 * action that keeps the state ({@code event} names a {@link DossierNote}; {@code from} equals {@code to}).
 */
public record HistoryEntry(
        long id,
        String event,
        DossierStatus from,
        DossierStatus to,
        String actor,
        String actorRole,
        String comment,
        Instant occurredAt) {}

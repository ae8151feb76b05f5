package vn.khuyencong.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;

/** Reading and appending a dossier's history; rows are never updated or deleted (a trigger refuses it). */
@Service
public class DossierHistory {

    /** The actor and role recorded for what the system does by itself (scheduled checks). */
    public static final String SYSTEM = "SYSTEM";

    private final JdbcClient jdbc;
    private final Clock clock;

    DossierHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<HistoryEntry> of(UUID dossierId) {
        return jdbc.sql("""
                select id, event, from_state, to_state, actor, actor_role, comment, occurred_at
                from dossier_history where dossier_id = ? order by id""").param(dossierId).query(DossierHistory::map).list();
    }

    /** The newest row of the dossier's history: what its last transition or note wrote. */
    public Optional<HistoryEntry> latest(UUID dossierId) {
        return jdbc.sql("""
                select id, event, from_state, to_state, actor, actor_role, comment, occurred_at
                from dossier_history where dossier_id = ? order by id desc limit 1""").param(dossierId).query(DossierHistory::map).optional();
    }

    private static HistoryEntry map(ResultSet rs, int row) throws SQLException {
        return new HistoryEntry(
                rs.getLong("id"),
                rs.getString("event"),
                DossierStatus.valueOf(rs.getString("from_state")),
                DossierStatus.valueOf(rs.getString("to_state")),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("comment"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    /**
     * Appends an action that does not change the dossier's state (a progress report, an inspection, a payment...),
     * in the caller's transaction, with the role the use case allowed the actor in; {@code actor} and
     * {@code actingAs} are null for the system's own checks.
     */
    public void note(UUID dossierId, DossierNote note, CurrentUser actor, Role actingAs, String comment) {
        if (actor != null && (actingAs == null || !actor.has(actingAs))) {
            throw new IllegalArgumentException(actor.username() + " does not act as " + actingAs);
        }
        String who = actor == null ? SYSTEM : actor.username();
        String role = actor == null ? SYSTEM : actingAs.name();
        int written = jdbc.sql("""
                insert into dossier_history (dossier_id, event, from_state, to_state, actor, actor_role, comment, occurred_at)
                select id, ?, status, status, ?, ?, ?, ? from dossier where id = ?""")
                .params(note.name(), who, role, comment, Timestamp.from(clock.instant()), dossierId)
                .update();
        if (written != 1) {
            throw new IllegalArgumentException("No dossier " + dossierId);
        }
    }

    int count(UUID dossierId, DossierEvent event) {
        return jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = ?")
                .params(dossierId, event.name())
                .query(Integer.class)
                .single();
    }

    /** Who fired the most recent {@code event} on the dossier, if anyone did. */
    Optional<String> lastActor(UUID dossierId, DossierEvent event) {
        return jdbc.sql("select actor from dossier_history where dossier_id = ? and event = ? order by id desc limit 1")
                .params(dossierId, event.name())
                .query(String.class)
                .optional();
    }

    void append(
            UUID dossierId,
            DossierEvent event,
            DossierStatus from,
            DossierStatus to,
            String actor,
            String actorRole,
            String comment,
            Instant at) {
        jdbc.sql("""
                insert into dossier_history (dossier_id, event, from_state, to_state, actor, actor_role, comment, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, event.name(), from.name(), to.name(), actor, actorRole, comment, Timestamp.from(at))
                .update();
    }
}

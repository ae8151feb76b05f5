package vn.khuyencong.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.Rows;

/** A person's in-app notifications; every query is limited to the caller's own. */
@Service
public class Notifications {

    public record Item(
            UUID id,
            String kind,
            UUID dossierId,
            String dossierCode,
            String title,
            String body,
            Instant createdAt,
            boolean read) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Item> of(CurrentUser user, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                select id, kind, dossier_id, dossier_code, title, body, created_at, read_at is not null as read
                from notification where recipient = ? and (not ? or read_at is null)
                order by created_at desc, id limit ?""")
                .params(user.username(), unreadOnly, Math.max(1, Math.min(limit, 200)))
                .query(Rows.of(Item.class))
                .list();
    }

    public int unread(CurrentUser user) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
                .param(user.username())
                .query(Integer.class)
                .single();
    }

    public void markRead(CurrentUser user, UUID id) {
        int found = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient = ?")
                .params(Timestamp.from(clock.instant()), id, user.username())
                .update();
        if (found == 0) {
            throw ProblemException.notFound("Không tìm thấy thông báo.");
        }
    }

    public int markAllRead(CurrentUser user) {
        return jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), user.username())
                .update();
    }
}

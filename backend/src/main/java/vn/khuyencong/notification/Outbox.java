package vn.khuyencong.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes notices in the caller's transaction: the in-app notification and, for a recipient with an address, the
 * mail to deliver; or a mail alone. A key already written is skipped, so writing the same notice twice leaves one.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationProperties properties;

    Outbox(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** @return whether the notice was new */
    boolean write(Notice notice) {
        Instant now = clock.instant();
        int written = jdbc.sql("""
                insert into notification (id, dedup_key, recipient, kind, dossier_id, dossier_code, title, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
                .params(
                        UUID.randomUUID(),
                        notice.key(),
                        notice.to().username(),
                        notice.kind(),
                        notice.dossierId(),
                        notice.dossierCode(),
                        notice.title(),
                        notice.body(),
                        Timestamp.from(now))
                .update();
        String address = notice.to().email();
        if (written == 1 && address != null && !address.isBlank()) {
            mail(
                    notice.key(),
                    address,
                    notice.to().displayName(),
                    "[Khuyến công] " + notice.title(),
                    mailBody(notice),
                    notice.kind(),
                    notice.dossierId());
        }
        return written == 1;
    }

    /**
     * A mail alone, with no notice in the application (a password reset link belongs in the mailbox only), to be
     * delivered once the caller's transaction commits. A key already written is skipped.
     *
     * @return whether the mail was new
     */
    boolean mail(
            String key,
            String address,
            String recipientName,
            String subject,
            String body,
            String kind,
            UUID dossierId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into mail_outbox (id, dedup_key, recipient, recipient_name, subject, body, kind, dossier_id,
                                         created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
                        .params(
                                UUID.randomUUID(),
                                key,
                                address.strip(),
                                recipientName,
                                subject,
                                body,
                                kind,
                                dossierId,
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    private String mailBody(Notice notice) {
        StringBuilder text = new StringBuilder();
        text.append("Kính gửi ").append(notice.to().displayName()).append(",\n\n");
        text.append(notice.body()).append("\n\n");
        if (notice.dossierId() != null) {
            text.append("Xem hồ sơ: ")
                    .append(properties.publicUrl())
                    .append("/ho-so/")
                    .append(notice.dossierId())
                    .append("\n\n");
        }
        text.append("Trân trọng,\nKhuyến công Online\n\n");
        text.append("Thư này được gửi tự động, vui lòng không trả lời.\n");
        return text.toString();
    }
}

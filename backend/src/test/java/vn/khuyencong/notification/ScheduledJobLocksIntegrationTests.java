package vn.khuyencong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.identity.Contacts;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.TestMailServer;

/**
 * Scheduled jobs take their row in the {@code shedlock} table before running: while another instance holds a
 * job's row, this instance skips the job; once the row is free, it runs it again.
 */
class ScheduledJobLocksIntegrationTests extends IntegrationTest {

    static final String TO = "doanhnghiep@khuyencong.example";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Test
    void theMailDeliveryJobRunsUnderItsLock() {
        NotificationIntegrationTests.waitUntil(
                Duration.ofSeconds(10),
                () -> jdbc.sql("select count(*) from shedlock where name = 'mail-delivery'")
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("select locked_by from shedlock where name = 'mail-delivery'")
                        .query(String.class)
                        .single())
                .isNotBlank();
    }

    @Test
    void whileAnotherInstanceHoldsTheJobThisOneDoesNotDeliver() throws Exception {
        NotificationIntegrationTests.waitUntil(
                Duration.ofSeconds(10),
                () -> jdbc.sql("select count(*) from shedlock where name = 'mail-delivery'")
                                .query(Integer.class)
                                .single()
                        == 1);
        // another instance takes the job's row (only when this instance is not running the job)
        NotificationIntegrationTests.waitUntil(
                Duration.ofSeconds(10), () -> jdbc.sql("""
                update shedlock set lock_until = timezone('utc', now()) + interval '1 hour', locked_at = timezone('utc', now()),
                    locked_by = 'other-instance'
                where name = 'mail-delivery' and lock_until <= timezone('utc', now())""").update() == 1);
        String key = "lock-test:" + UUID.randomUUID();
        String subject = "[Khuyến công] Thư thử " + key;
        try {
            outbox.write(new Notice(
                    key,
                    new Contacts.Contact("doanhnghiep", "Nguyễn Thị Hà", TO),
                    "TEST",
                    null,
                    null,
                    "Thư thử " + key,
                    "Nội dung thử."));
            Thread.sleep(2000); // ten polls of this instance
            assertThat(mailsWithSubject(subject))
                    .as("not delivered while another instance holds the job")
                    .isEmpty();
            assertThat(jdbc.sql("select status from mail_outbox where dedup_key = ?")
                            .param(key)
                            .query(String.class)
                            .single())
                    .isEqualTo("PENDING");
        } finally {
            // the other instance is done
            jdbc.sql(
                            "update shedlock set lock_until = timezone('utc', now()) where name = 'mail-delivery' and locked_by = 'other-instance'")
                    .update();
        }
        NotificationIntegrationTests.waitUntil(
                Duration.ofSeconds(10), () -> !mailsWithSubject(subject).isEmpty());
        assertThat(mailsWithSubject(subject)).hasSize(1);
    }

    List<MimeMessage> mailsWithSubject(String subject) {
        return TestMailServer.to(TO).stream()
                .filter(m -> NotificationIntegrationTests.subject(m).equals(subject))
                .toList();
    }
}

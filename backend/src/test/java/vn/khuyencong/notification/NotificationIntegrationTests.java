package vn.khuyencong.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.TestMailServer;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierTransitioned;

/**
 * Every step told once, in the application and by mail through a real SMTP server (GreenMail); an outage of the
 * mail server delays mails without losing them; a replayed change or a crash mid-delivery duplicates nothing.
 */
class NotificationIntegrationTests extends IntegrationTest {

    static final String ENTERPRISE_MAIL = "doanhnghiep@khuyencong.example";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Reminders reminders;

    @Autowired
    Outbox outbox;

    final Fixtures fixtures = new Fixtures(api());

    @Test
    void eachStateChangeProducesExactlyOneNoticeAndOneMailToTheEnterprise() throws Exception {
        String id = fixtures.aReadyDraft();
        String code = fixtures.fire(fixtures.enterprise, id, event("SUBMIT"))
                .get("code")
                .asString();
        String appointment = appointmentOf(id);
        thenTheEnterpriseIsToldOnce(
                id, code, "SUBMIT", "Hồ sơ " + code + " đã được tiếp nhận", "Ngày hẹn trả kết quả: " + appointment);

        fixtures.fire(fixtures.reviewer, id, event("START_REVIEW"));
        thenTheEnterpriseIsToldOnce(id, code, "START_REVIEW", "Hồ sơ " + code + " đang được thẩm định", null);

        fixtures.fire(
                fixtures.reviewer,
                id,
                event(
                        "REQUEST_SUPPLEMENT",
                        "comment",
                        "Thiếu báo giá máy sấy",
                        "items",
                        List.of("Báo giá của nhà cung cấp máy sấy")));
        thenTheEnterpriseIsToldOnce(
                id,
                code,
                "REQUEST_SUPPLEMENT",
                "Hồ sơ " + code + " cần bổ sung, hoàn thiện",
                "Nội dung cần bổ sung: Báo giá của nhà cung cấp máy sấy");

        fixtures.fire(fixtures.enterprise, id, event("RESUBMIT"));
        thenTheEnterpriseIsToldOnce(
                id,
                code,
                "RESUBMIT",
                "Hồ sơ " + code + " đã nhận đủ phần bổ sung",
                "Ngày hẹn trả kết quả mới: " + appointmentOf(id));

        fixtures.fire(
                fixtures.reviewer,
                id,
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.RECOMMENDED));
        thenTheEnterpriseIsToldOnce(id, code, "RECOMMEND", "Hồ sơ " + code + " đã được thẩm định", null);
        thenTheOfficerIsToldOnce("pheduyet", id, "QUEUE_RECOMMEND", "Hồ sơ " + code + " chờ phê duyệt");

        String decision = Fixtures.aDecisionNumber();
        fixtures.fire(
                fixtures.approver, id, event("APPROVE", "decisionNumber", decision, "approvedAmount", 100_000_000L));
        thenTheEnterpriseIsToldOnce(
                id,
                code,
                "APPROVE",
                "Hồ sơ " + code + " đã được phê duyệt",
                "Quyết định số " + decision + ", kinh phí hỗ trợ 100.000.000 đồng");
        thenTheOfficerIsToldOnce("giamsat", id, "QUEUE_APPROVE", "Hồ sơ " + code + " đã được phê duyệt, chờ giám sát");

        fixtures.fire(fixtures.monitor, id, event("START_MONITORING"));
        thenTheEnterpriseIsToldOnce(id, code, "START_MONITORING", "Đề án " + code + " bắt đầu được giám sát", null);
        // the acceptance record moves the dossier to COMPLETED through the workflow's ACCEPT
        fixtures.accept(id);
        thenTheEnterpriseIsToldOnce(id, code, "ACCEPT", "Đề án " + code + " đã được nghiệm thu", null);

        // eight state changes, eight mails to the enterprise for this dossier, none twice
        assertThat(mailsAbout(code)).hasSize(8);
        assertThat(jdbc.sql(
                                "select count(*) from notification where dossier_id = ?::uuid and recipient = 'doanhnghiep'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(8);
    }

    @Test
    void officersAreToldWhenADossierArrivesInTheirQueue() {
        String id = fixtures.submitted();
        String code = codeOf(id);
        thenTheOfficerIsToldOnce("thamdinh", id, "QUEUE_SUBMIT", "Hồ sơ mới " + code + " chờ tiếp nhận");
        waitUntil(
                Duration.ofSeconds(10),
                () -> TestMailServer.to("thamdinh@khuyencong.example").stream()
                        .anyMatch(mail -> subject(mail).contains(code)));
        assertThat(TestMailServer.to("thamdinh@khuyencong.example"))
                .anySatisfy(mail ->
                        assertThat(subject(mail)).isEqualTo("[Khuyến công] Hồ sơ mới " + code + " chờ tiếp nhận"));
    }

    @Test
    void aRefusalTellsTheReasons() throws Exception {
        String id = fixtures.underReview();
        String code = codeOf(id);
        fixtures.fire(
                fixtures.reviewer, id, event("REJECT", "comment", "Không thuộc đối tượng hỗ trợ của Nghị định 45"));
        thenTheEnterpriseIsToldOnce(
                id,
                code,
                "REJECT",
                "Hồ sơ " + code + " không được hỗ trợ",
                "Lý do: Không thuộc đối tượng hỗ trợ của Nghị định 45");
    }

    @Test
    void aLateDossierGetsAnApologyWithTheNewDate() throws Exception {
        String id = fixtures.underReview();
        String code = codeOf(id);
        LocalDate newDate = dates().aLaterWorkingDay(LocalDate.parse(fixtures.enterprise
                .get("/api/v1/dossiers/" + id)
                .json()
                .get("appointmentDate")
                .asString()));
        fixtures.fire(
                fixtures.reviewer,
                id,
                event(
                        "RESCHEDULE",
                        "comment",
                        "Cần xác minh thực địa tại cơ sở",
                        "newAppointmentDate",
                        newDate.toString()));
        thenTheEnterpriseIsToldOnce(
                id,
                code,
                "RESCHEDULE",
                "Xin lỗi: hồ sơ " + code + " được hẹn lại ngày trả kết quả",
                "Lý do: Cần xác minh thực địa tại cơ sở. Ngày hẹn trả kết quả mới: " + DATE.format(newDate));
    }

    @Test
    void aRefusedStepTellsNobody() {
        String id = fixtures.supplementRequested();
        int before = noticesOf(id);
        // a second supplement request is refused: the transaction, its notices and mails are rolled back together
        Api.Response refused = fixtures.reviewer.post(
                "/api/v1/dossiers/" + id + "/transitions",
                event("REQUEST_SUPPLEMENT", "comment", "Lần hai", "items", List.of("x")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(noticesOf(id)).isEqualTo(before);
    }

    @Test
    void aReplayedChangeWritesNoSecondNoticeOrMail() {
        String id = fixtures.submitted();
        int notices = noticesOf(id);
        int mails = mailRowsOf(id);
        var history =
                fixtures.enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        JsonNode submit = history.get(history.size() - 1);
        // the same change published again, as a redelivery would
        transactions.executeWithoutResult(status -> events.publishEvent(new DossierTransitioned(
                UUID.fromString(id),
                DossierEvent.SUBMIT,
                DossierStatus.DRAFT,
                DossierStatus.SUBMITTED,
                "doanhnghiep",
                java.time.Instant.parse(submit.get("occurredAt").asString()))));
        assertThat(noticesOf(id)).isEqualTo(notices);
        assertThat(mailRowsOf(id)).isEqualTo(mails);
    }

    @Test
    void aMailServerThatIsDownDelaysMailsWithoutLosingThem() throws Exception {
        TestMailServer.stop();
        String code;
        String id;
        try {
            id = fixtures.submitted();
            code = codeOf(id);
            // attempts fail and are retried with backoff: one mail per round probes the server, the others wait
            // as long; the enterprise's mail stays in the outbox
            waitUntil(
                    Duration.ofSeconds(20),
                    () -> jdbc.sql("""
                    select count(*) from mail_outbox where status = 'PENDING' and attempts >= 2 and last_error is not null""").query(Integer.class).single() >= 1);
            assertThat(jdbc.sql("select status from mail_outbox where dossier_id = ?::uuid and recipient = ?")
                            .params(id, ENTERPRISE_MAIL)
                            .query(String.class)
                            .single())
                    .isEqualTo("PENDING");
            assertThat(mailsAbout(code)).isEmpty();
        } finally {
            TestMailServer.restart();
        }
        waitUntil(Duration.ofSeconds(20), () -> !mailsAbout(code).isEmpty());
        Thread.sleep(1500);
        assertThat(mailsAbout(code)).hasSize(1);
        assertThat(subject(mailsAbout(code).getFirst()))
                .isEqualTo("[Khuyến công] Hồ sơ " + code + " đã được tiếp nhận");
        assertThat(jdbc.sql("select status from mail_outbox where dossier_id = ?::uuid and recipient = ?")
                        .params(id, ENTERPRISE_MAIL)
                        .query(String.class)
                        .single())
                .isEqualTo("SENT");
    }

    @Test
    void aCrashAfterClaimingAMailDeliversItOnceTheLeaseEnds() throws Exception {
        String key = "crash-test:" + UUID.randomUUID();
        String subject = "[Khuyến công] Thư thử " + key;
        // an instance writes the mail, claims it, and dies before sending it
        List<MailDelivery.Claimed> claimed = transactions.execute(status -> {
            outbox.write(testMail(key));
            return delivery.claim();
        });
        assertThat(claimed).anyMatch(mail -> mail.dedupKey().equals(key));
        Thread.sleep(1000);
        assertThat(mailsWithSubject(subject))
                .as("leased to the instance that died")
                .isEmpty();

        // the lease ends: another round delivers it, once
        jdbc.sql("update mail_outbox set next_attempt_at = now() where dedup_key = ?")
                .param(key)
                .update();
        waitUntil(Duration.ofSeconds(10), () -> !mailsWithSubject(subject).isEmpty());
        Thread.sleep(1000);
        assertThat(mailsWithSubject(subject)).hasSize(1);
        assertThat(mailsWithSubject(subject).getFirst().getMessageID()).isEqualTo(MailDelivery.messageId(key));
        assertThat(statusAndAttempts(key)).isEqualTo("SENT 2");
    }

    @Test
    void aMailWhoseSentMarkFailsIsRecordedOnceTheDatabaseAnswersAndNotSentAgain() throws Exception {
        String key = "mark-test:" + UUID.randomUUID();
        String subject = "[Khuyến công] Thư thử " + key;
        // the database refuses this mail's SENT mark, as it does while it restarts
        jdbc.sql("alter table mail_outbox add constraint sent_mark_refused check (dedup_key <> '" + key
                        + "' or status <> 'SENT') not valid")
                .update();
        try {
            transactions.executeWithoutResult(status -> outbox.write(testMail(key)));
            waitUntil(Duration.ofSeconds(10), () -> !mailsWithSubject(subject).isEmpty());
            // rounds every 0.2 s, a failed attempt retried after 0.5 s: the mark keeps failing, the mail is not sent
            Thread.sleep(2000);
            assertThat(statusAndAttempts(key)).isEqualTo("PENDING 1");
            assertThat(mailsWithSubject(subject)).hasSize(1);
        } finally {
            jdbc.sql("alter table mail_outbox drop constraint sent_mark_refused")
                    .update();
        }
        waitUntil(Duration.ofSeconds(10), () -> statusAndAttempts(key).startsWith("SENT"));
        Thread.sleep(1000);
        assertThat(statusAndAttempts(key)).isEqualTo("SENT 1");
        assertThat(mailsWithSubject(subject)).hasSize(1);
    }

    /** A mail to the enterprise's user, subject "[Khuyến công] Thư thử " and the key. */
    static Notice testMail(String key) {
        var to = new vn.khuyencong.identity.Contacts.Contact("doanhnghiep", "Nguyễn Thị Hà", ENTERPRISE_MAIL);
        return new Notice(key, to, "TEST", null, null, "Thư thử " + key, "Nội dung thử.");
    }

    String statusAndAttempts(String key) {
        return jdbc.sql("select status || ' ' || attempts from mail_outbox where dedup_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }

    List<MimeMessage> mailsWithSubject(String subject) {
        return TestMailServer.to(ENTERPRISE_MAIL).stream()
                .filter(m -> subject(m).equals(subject))
                .toList();
    }

    @Test
    void readAndUnreadNotifications() {
        String id = fixtures.submitted();
        Api reader = fixtures.enterprise;
        waitUntil(
                Duration.ofSeconds(5),
                () -> reader.get("/api/v1/notifications/unread-count")
                                .json()
                                .get("unread")
                                .asInt()
                        > 0);
        JsonNode unread = reader.get("/api/v1/notifications?unreadOnly=true").json();
        JsonNode first = null;
        for (JsonNode item : unread) {
            if (id.equals(item.get("dossierId").asString())) {
                first = item;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("read").asBoolean()).isFalse();
        int count = reader.get("/api/v1/notifications/unread-count")
                .json()
                .get("unread")
                .asInt();

        // somebody else cannot touch it
        assertThat(fixtures.reviewer
                        .post("/api/v1/notifications/" + first.get("id").asString() + "/read", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(reader.post("/api/v1/notifications/" + first.get("id").asString() + "/read", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(reader.get("/api/v1/notifications/unread-count")
                        .json()
                        .get("unread")
                        .asInt())
                .isEqualTo(count - 1);

        assertThat(reader.post("/api/v1/notifications/read-all", Map.of()).status())
                .isEqualTo(204);
        assertThat(reader.get("/api/v1/notifications/unread-count")
                        .json()
                        .get("unread")
                        .asInt())
                .isZero();
        assertThat(reader.get("/api/v1/notifications?unreadOnly=true").json().size())
                .isZero();
    }

    @Test
    void remindersAreWrittenOncePerDeadlineAndPerMonth() {
        String monitored = fixtures.monitored();
        LocalDate reminderDay = LocalDate.now().withDayOfMonth(28);
        int first = transactions.execute(status -> reminders.remindMonitoring(reminderDay));
        int again = transactions.execute(status -> reminders.remindMonitoring(reminderDay));
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from notification where dossier_id = ?::uuid and kind = 'MONITORING_REMINDER' and recipient = 'doanhnghiep'")
                        .param(monitored)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String due = fixtures.underReview();
        jdbc.sql("update dossier set appointment_date = current_date where id = ?::uuid")
                .param(due)
                .update();
        transactions.executeWithoutResult(status -> reminders.remindDeadlines());
        transactions.executeWithoutResult(status -> reminders.remindDeadlines());
        assertThat(jdbc.sql(
                                "select count(*) from notification where dossier_id = ?::uuid and kind like 'DEADLINE_%' and recipient = 'thamdinh'")
                        .param(due)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    // ---- steps and checks ----------------------------------------------------------------------------------------

    void thenTheEnterpriseIsToldOnce(String id, String code, String kind, String title, String bodyContains)
            throws Exception {
        waitUntil(
                Duration.ofSeconds(10),
                () -> mailsAbout(code).stream().anyMatch(m -> subject(m).equals("[Khuyến công] " + title)));
        JsonNode notices =
                fixtures.enterprise.get("/api/v1/notifications?limit=200").json();
        List<JsonNode> ofThisStep = new ArrayList<>();
        notices.forEach(n -> {
            if (id.equals(n.get("dossierId").asString())
                    && kind.equals(n.get("kind").asString())) {
                ofThisStep.add(n);
            }
        });
        assertThat(ofThisStep).as("notices of " + kind).hasSize(1);
        assertThat(ofThisStep.getFirst().get("title").asString()).isEqualTo(title);
        List<MimeMessage> mails = mailsAbout(code).stream()
                .filter(m -> subject(m).equals("[Khuyến công] " + title))
                .toList();
        assertThat(mails).as("mails of " + kind).hasSize(1);
        String body = String.valueOf(mails.getFirst().getContent());
        assertThat(body).startsWith("Kính gửi Nguyễn Thị Hà,").contains("/ho-so/" + id);
        if (bodyContains != null) {
            assertThat(ofThisStep.getFirst().get("body").asString()).contains(bodyContains);
            assertThat(body).contains(bodyContains);
        }
    }

    void thenTheOfficerIsToldOnce(String username, String id, String kind, String title) {
        waitUntil(
                Duration.ofSeconds(5),
                () -> jdbc.sql(
                                        "select count(*) from notification where recipient = ? and dossier_id = ?::uuid and kind = ?")
                                .params(username, id, kind)
                                .query(Integer.class)
                                .single()
                        > 0);
        assertThat(jdbc.sql("select title from notification where recipient = ? and dossier_id = ?::uuid and kind = ?")
                        .params(username, id, kind)
                        .query(String.class)
                        .list())
                .containsExactly(title);
    }

    List<MimeMessage> mailsAbout(String code) {
        return TestMailServer.to(ENTERPRISE_MAIL).stream()
                .filter(m -> subject(m).contains(code))
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    String codeOf(String id) {
        return fixtures.enterprise
                .get("/api/v1/dossiers/" + id)
                .json()
                .get("code")
                .asString();
    }

    String appointmentOf(String id) {
        return DATE.format(LocalDate.parse(fixtures.enterprise
                .get("/api/v1/dossiers/" + id)
                .json()
                .get("appointmentDate")
                .asString()));
    }

    int noticesOf(String id) {
        return jdbc.sql("select count(*) from notification where dossier_id = ?::uuid")
                .param(id)
                .query(Integer.class)
                .single();
    }

    int mailRowsOf(String id) {
        return jdbc.sql("select count(*) from mail_outbox where dossier_id = ?::uuid")
                .param(id)
                .query(Integer.class)
                .single();
    }

    static void waitUntil(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package vn.khuyencong.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.dossier.Deadlines;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.Contacts;
import vn.khuyencong.identity.Contacts.Contact;
import vn.khuyencong.identity.Role;

/**
 * Reminders that no transition triggers: officers are warned when a dossier in their hands nears its appointment
 * date (once per date), enterprises are reminded each month to report the progress of a monitored project. One
 * instance runs them at a time (a transaction-scoped advisory lock); their keys make a second run harmless.
 */
@Component
class Reminders {

    /** Arbitrary constant naming the advisory lock of this job. */
    private static final long LOCK = 0x6b63_5265_6d69_6e64L;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final WorkingDays workingDays;
    private final Contacts contacts;
    private final Outbox outbox;
    private final NotificationProperties properties;

    Reminders(
            JdbcClient jdbc,
            Dossiers dossiers,
            Deadlines deadlines,
            WorkingDays workingDays,
            Contacts contacts,
            Outbox outbox,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.workingDays = workingDays;
        this.contacts = contacts;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Scheduled(cron = "${kc.mail.reminders-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "reminders", lockAtLeastFor = "PT10M", lockAtMostFor = "PT1H")
    @Transactional
    public void run() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single()) {
            return;
        }
        remindDeadlines();
        remindMonitoring(workingDays.today());
    }

    /** Dossiers whose clock runs and whose appointment is at most two working days away, or past. */
    int remindDeadlines() {
        int written = 0;
        for (UUID id : ids("select id from dossier where status in ('SUBMITTED', 'UNDER_REVIEW', 'REVIEWED')")) {
            Dossier dossier = dossiers.find(id).orElseThrow();
            Deadlines.State state = deadlines.of(dossier);
            if (state != Deadlines.State.DUE_SOON && state != Deadlines.State.OVERDUE) {
                continue;
            }
            List<Contact> officers = dossier.status() == DossierStatus.REVIEWED
                    ? contacts.officers(dossier.agencyCode(), Role.APPROVER)
                    : dossier.assignedReviewer() != null
                            ? contacts.account(dossier.assignedReviewer())
                                    .map(List::of)
                                    .orElse(List.of())
                            : contacts.officers(dossier.agencyCode(), Role.REVIEWER);
            String title = (state == Deadlines.State.OVERDUE
                    ? "Hồ sơ " + dossier.code() + " đã quá hạn"
                    : "Hồ sơ " + dossier.code() + " sắp đến hạn trả kết quả");
            String body = "Hồ sơ " + TransitionNotifier.name(dossier) + " có ngày hẹn trả kết quả "
                    + TransitionNotifier.date(dossier.appointmentDate()) + " ("
                    + dossier.status().label()
                    + "). Nếu không kịp, cần gửi phiếu xin lỗi và hẹn lại chậm nhất một ngày làm việc trước hạn.";
            for (Contact officer : officers) {
                String key = "deadline:" + dossier.id() + ":" + dossier.appointmentDate() + ":" + state + ":"
                        + officer.username();
                if (outbox.write(
                        new Notice(key, officer, "DEADLINE_" + state, dossier.id(), dossier.code(), title, body))) {
                    written++;
                }
            }
        }
        return written;
    }

    /** From the configured day of each month, once per month and project. */
    int remindMonitoring(LocalDate today) {
        if (today.getDayOfMonth() < properties.monitoringReminderDay()) {
            return 0;
        }
        int written = 0;
        String month = MONTH.format(today);
        for (UUID id : ids("select id from dossier where status = 'MONITORED'")) {
            Dossier dossier = dossiers.find(id).orElseThrow();
            for (Contact contact : contacts.ofOrganisation(dossier.organisationId())) {
                String key = "monitoring:" + dossier.id() + ":" + today.getYear() + "-" + today.getMonthValue() + ":"
                        + contact.username();
                if (outbox.write(new Notice(
                        key,
                        contact,
                        "MONITORING_REMINDER",
                        dossier.id(),
                        dossier.code(),
                        "Nhắc báo cáo tiến độ tháng " + month + " của đề án " + dossier.code(),
                        "Đề án " + TransitionNotifier.name(dossier)
                                + " đang được giám sát thực hiện. Vui lòng gửi báo cáo tiến độ tháng " + month
                                + " kèm tài liệu chứng minh trước cuối tháng."))) {
                    written++;
                }
            }
        }
        return written;
    }

    private List<UUID> ids(String sql) {
        return jdbc.sql(sql).query(UUID.class).list();
    }
}

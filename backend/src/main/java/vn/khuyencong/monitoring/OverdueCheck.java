package vn.khuyencong.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.DossierNote;

/**
 * Every morning: a project under monitoring whose monthly report is missing after its due date turns overdue; a
 * notice for both sides is recorded once per missing month, written in the history, and published as
 * {@link ProgressReportOverdue} for the notifications. One replica runs it at a time (a transaction-scoped
 * PostgreSQL advisory lock).
 */
@Component
class OverdueCheck {

    private static final long LOCK = 0x6b63_6d6f_6e31L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Projects projects;
    private final ProjectMonitoring monitoring;
    private final DossierHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueCheck(
            JdbcClient jdbc,
            Dossiers dossiers,
            Projects projects,
            ProjectMonitoring monitoring,
            DossierHistory history,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.projects = projects;
        this.monitoring = monitoring;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${kc.monitoring.overdue-check-cron:0 15 6 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "monitoring-overdue-check", lockAtLeastFor = "PT10M", lockAtMostFor = "PT1H")
    void everyMorning() {
        check(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
    }

    /** Checks every monitored project as of {@code today}; returns how many notices were recorded. */
    @Transactional
    public int check(LocalDate today) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single()) {
            return 0;
        }
        List<UUID> monitored = jdbc.sql("""
                select p.dossier_id from monitored_project p join dossier d on d.id = p.dossier_id
                where d.status = 'MONITORED' order by p.dossier_id""").query(UUID.class).list();
        int notices = 0;
        for (UUID id : monitored) {
            Dossier dossier = dossiers.find(id).orElseThrow();
            Project project = projects.lock(dossier, today);
            ReportSchedule schedule = monitoring.schedule(project);
            List<YearMonth> missing = schedule.missing(projects.filedPeriods(id), today);
            for (YearMonth period : missing) {
                LocalDate due = schedule.dueOn(period);
                String message = "Đề án " + (dossier.code() == null ? dossier.title() : dossier.code())
                        + " chưa có báo cáo tiến độ tháng " + MONTH.format(period) + " (hạn " + DAY.format(due) + ").";
                int inserted = jdbc.sql("""
                        insert into monitoring_notice (dossier_id, kind, period, message, created_at)
                        values (?, 'REPORT_OVERDUE', ?, ?, ?) on conflict (dossier_id, kind, period) do nothing""")
                        .params(id, period.atDay(1), message, Projects.ts(clock.instant()))
                        .update();
                if (inserted == 1) {
                    notices++;
                    history.note(id, DossierNote.REPORT_OVERDUE, null, null, message);
                    events.publishEvent(new ProgressReportOverdue(
                            id, dossier.code(), dossier.organisationId(), dossier.agencyCode(), period, due));
                }
            }
            projects.setOverdueSince(id, missing.isEmpty() ? null : schedule.dueOn(missing.getFirst()));
        }
        return notices;
    }
}

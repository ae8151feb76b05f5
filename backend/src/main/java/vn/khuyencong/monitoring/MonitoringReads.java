package vn.khuyencong.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.AdvanceRule;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.monitoring.MonitoringView.Acceptance;
import vn.khuyencong.monitoring.MonitoringView.ChangeRequest;
import vn.khuyencong.monitoring.MonitoringView.Disbursement;
import vn.khuyencong.monitoring.MonitoringView.Inspection;
import vn.khuyencong.monitoring.MonitoringView.Milestone;
import vn.khuyencong.monitoring.MonitoringView.MilestoneProgress;
import vn.khuyencong.monitoring.MonitoringView.Notice;
import vn.khuyencong.monitoring.MonitoringView.Report;
import vn.khuyencong.monitoring.MonitoringView.Settlement;
import vn.khuyencong.monitoring.Projects.LatestReport;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.monitoring.Projects.Totals;
import vn.khuyencong.shared.Rows;

/** Builds the monitoring page of a dossier the caller may see (the caller has checked that). */
@Component
class MonitoringReads {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Catalog catalog;

    MonitoringReads(JdbcClient jdbc, Projects projects, Catalog catalog) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.catalog = catalog;
    }

    static Integer progressPercent(Dossier dossier, LatestReport latest) {
        if (latest == null || dossier.totalBudget() == null || dossier.totalBudget() <= 0) {
            return null;
        }
        return (int) Math.min(999, Math.multiplyExact(latest.spentAmount(), 100L) / dossier.totalBudget());
    }

    MonitoringView view(Dossier dossier, LocalDate today) {
        UUID id = dossier.id();
        Project project = projects.find(id).orElse(null);
        Totals totals = projects.totals(id);
        LatestReport latest = projects.latestReport(id).orElse(null);
        Integer progress = progressPercent(dossier, latest);
        int dueDay = catalog.progressReportDueDay();
        MonitoringView.AdvanceCeiling ceiling = null;
        LocalDate nextDue = null;
        List<String> missing = List.of();
        if (project != null) {
            AdvanceRule rule = dossier.supportKind() == null
                    ? null
                    : catalog.advanceRule(dossier.supportKind(), today).orElse(null);
            if (rule != null) {
                boolean reached = rule.progressOverPercent() == null
                        || (latest != null
                                && dossier.totalBudget() != null
                                && latest.spentAmount() * 100 > dossier.totalBudget() * rule.progressOverPercent());
                ceiling = new MonitoringView.AdvanceCeiling(
                        rule.maxPercent(),
                        rule.progressOverPercent(),
                        rule.legalBasis(),
                        rule.ceiling(project.approvedAmount()),
                        reached);
            }
            ReportSchedule schedule = new ReportSchedule(project.startedOn(), dueDay);
            Set<YearMonth> filed = projects.filedPeriods(id);
            if (dossier.status() == DossierStatus.MONITORED) {
                nextDue = schedule.nextDue(filed, today);
                missing = schedule.missing(filed, today).stream()
                        .map(YearMonth::toString)
                        .toList();
            }
        }
        return new MonitoringView(
                id,
                dossier.status().name(),
                project != null,
                project == null ? null : project.startedOn(),
                project == null ? null : project.approvedAmount(),
                totals.advances(),
                totals.payments(),
                totals.total(),
                project == null ? null : project.approvedAmount() - totals.total(),
                progress,
                ceiling,
                dueDay,
                nextDue,
                project != null && project.overdueSince() != null,
                project == null ? null : project.overdueSince(),
                missing,
                project == null ? dossier.endsOn() : project.endsOn(),
                project == null ? dossier.communeCode() : project.communeCode(),
                project == null ? null : project.contentNote(),
                plan(id),
                reports(id),
                inspections(id),
                disbursements(id),
                changeRequests(id),
                notices(id),
                acceptance(id),
                settlement(id));
    }

    List<Milestone> plan(UUID id) {
        return jdbc.sql(
                        "select id, position, title, due_on, promised_outcome from plan_milestone where dossier_id = ? order by position")
                .param(id)
                .query(Rows.of(Milestone.class))
                .list();
    }

    List<Report> reports(UUID id) {
        return jdbc
                .sql("""
                select id, period, spent_amount, counterpart_invested, note, late, submitted_by, submitted_at
                from progress_report where dossier_id = ? order by period""")
                .param(id)
                .query((rs, n) -> {
                    long reportId = rs.getLong("id");
                    return new Report(
                            reportId,
                            YearMonth.from(rs.getDate("period").toLocalDate()).toString(),
                            rs.getLong("spent_amount"),
                            rs.getLong("counterpart_invested"),
                            rs.getString("note"),
                            rs.getBoolean("late"),
                            rs.getString("submitted_by"),
                            rs.getTimestamp("submitted_at").toInstant(),
                            List.of(),
                            List.of());
                })
                .list()
                .stream()
                .map(r -> new Report(
                        r.id(),
                        r.period(),
                        r.spentAmount(),
                        r.counterpartInvested(),
                        r.note(),
                        r.late(),
                        r.submittedBy(),
                        r.submittedAt(),
                        jdbc.sql(
                                        "select milestone_id, percent_done, note from progress_report_item where report_id = ? order by milestone_id")
                                .param(r.id())
                                .query(Rows.of(MilestoneProgress.class))
                                .list(),
                        jdbc.sql(
                                        "select document_id from progress_report_evidence where report_id = ? order by document_id")
                                .param(r.id())
                                .query(UUID.class)
                                .list()))
                .toList();
    }

    List<Inspection> inspections(UUID id) {
        return jdbc
                .sql("""
                select id, inspected_on, findings, conclusion, corrective_action, corrective_due_on, inspector, recorded_at
                from inspection where dossier_id = ? order by inspected_on, id""")
                .param(id)
                .query((rs, n) -> new Inspection(
                        rs.getLong("id"),
                        rs.getDate("inspected_on").toLocalDate(),
                        rs.getString("findings"),
                        rs.getString("conclusion"),
                        rs.getString("corrective_action"),
                        rs.getDate("corrective_due_on") == null
                                ? null
                                : rs.getDate("corrective_due_on").toLocalDate(),
                        rs.getString("inspector"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        List.of()))
                .list()
                .stream()
                .map(i -> new Inspection(
                        i.id(),
                        i.inspectedOn(),
                        i.findings(),
                        i.conclusion(),
                        i.correctiveAction(),
                        i.correctiveDueOn(),
                        i.inspector(),
                        i.recordedAt(),
                        jdbc.sql(
                                        "select document_id from inspection_photo where inspection_id = ? order by document_id")
                                .param(i.id())
                                .query(UUID.class)
                                .list()))
                .toList();
    }

    List<Disbursement> disbursements(UUID id) {
        return jdbc.sql(
                        "select id, kind, amount, paid_on, reference, recorded_by, recorded_at from disbursement where dossier_id = ? order by id")
                .param(id)
                .query(Rows.of(Disbursement.class))
                .list();
    }

    List<ChangeRequest> changeRequests(UUID id) {
        return jdbc.sql("""
                select id, kind, reason, proposed_amount, proposed_ends_on, proposed_commune_code, proposed_content,
                       status, requested_by, requested_at, decided_by, decided_at, decision_comment
                from change_request where dossier_id = ? order by id""").param(id).query(Rows.of(ChangeRequest.class)).list();
    }

    List<Notice> notices(UUID id) {
        return jdbc.sql(
                        "select id, kind, period, message, created_at from monitoring_notice where dossier_id = ? order by id")
                .param(id)
                .query((rs, n) -> new Notice(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        YearMonth.from(rs.getDate("period").toLocalDate()).toString(),
                        rs.getString("message"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Acceptance acceptance(UUID id) {
        return jdbc.sql("""
                select accepted_on, workers_trained, machines_installed, machines_working, products, fairs_attended,
                       counterpart_realised, conclusion, recorded_by, recorded_at
                from acceptance_record where dossier_id = ?""")
                .param(id)
                .query(Rows.of(Acceptance.class))
                .optional()
                .orElse(null);
    }

    Settlement settlement(UUID id) {
        return jdbc.sql("""
                select outcome, approved_amount, advances_paid, payments_made, total_support_paid, counterpart_realised,
                       workers_trained, machines_installed, machines_working, products, fairs_attended, settled_on, settled_at
                from settlement where dossier_id = ?""")
                .param(id)
                .query(Rows.of(Settlement.class))
                .optional()
                .orElse(null);
    }
}

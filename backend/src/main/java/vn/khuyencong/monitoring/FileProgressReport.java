package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.DAY;
import static vn.khuyencong.monitoring.ProjectMonitoring.MONTH;
import static vn.khuyencong.monitoring.ProjectMonitoring.invalidIfAny;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireOwner;
import static vn.khuyencong.shared.Texts.blankToNull;
import static vn.khuyencong.shared.Texts.vnd;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.workflow.DossierNote;

/**
 * The enterprise files the progress report of a month: every milestone of the plan, the money spent and invested,
 * the evidence. A report filed after its due date is marked late; the project's overdue flag follows what is still
 * missing.
 */
@Service
class FileProgressReport {

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Projects projects;

    FileProgressReport(JdbcClient jdbc, ProjectMonitoring monitoring, Projects projects) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.projects = projects;
    }

    @Transactional
    MonitoringView file(UUID dossierId, MonitoringForms.Report report, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        requireOwner(dossier, user);

        monitoring.validate(report);
        requireMonitored(dossier);
        LocalDate today = monitoring.today();
        Project project = monitoring.lockMonitored(dossier, today);
        List<Long> plan = projects.milestoneIds(dossierId);
        if (plan.isEmpty()) {
            throw ProblemException.ruleViolated(
                    "plan-required", "Vui lòng lập kế hoạch thực hiện (các mốc) trước khi báo cáo tiến độ.");
        }
        ReportSchedule schedule = monitoring.schedule(project);
        YearMonth period = YearMonth.parse(report.period());
        List<UUID> evidence = report.evidenceDocumentIds() == null ? List.of() : report.evidenceDocumentIds();
        invalidIfAny(problems(dossierId, report, period, project, plan, evidence, today));
        if (projects.filedPeriods(dossierId).contains(period)) {
            throw ProblemException.ruleViolated(
                    "one-report-per-period", "Báo cáo tiến độ tháng " + MONTH.format(period) + " đã được nộp.");
        }

        // a month whose due date came before monitoring started is never late
        boolean late = schedule.expects(period) && schedule.late(period, today);
        long id = jdbc.sql("""
                insert into progress_report (dossier_id, period, spent_amount, counterpart_invested, note, late,
                                             submitted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        dossierId,
                        period.atDay(1),
                        report.spentAmount(),
                        report.counterpartInvested(),
                        blankToNull(report.note()),
                        late,
                        user.username(),
                        monitoring.now())
                .query(Long.class)
                .single();
        for (MonitoringForms.MilestoneProgress item : report.milestones()) {
            jdbc.sql(
                            "insert into progress_report_item (report_id, milestone_id, percent_done, note) values (?, ?, ?, ?)")
                    .params(id, item.milestoneId(), item.percentDone(), blankToNull(item.note()))
                    .update();
        }
        for (UUID document : new LinkedHashSet<>(evidence)) {
            jdbc.sql("insert into progress_report_evidence (report_id, document_id) values (?, ?)")
                    .params(id, document)
                    .update();
        }
        projects.setOverdueSince(
                dossierId,
                schedule.missing(projects.filedPeriods(dossierId), today).stream()
                        .findFirst()
                        .map(schedule::dueOn)
                        .orElse(null));

        monitoring.record(
                dossierId,
                DossierNote.PROGRESS_REPORTED,
                user,
                Role.ENTERPRISE,
                "Báo cáo tiến độ tháng " + MONTH.format(period)
                        + (late ? " (nộp muộn, hạn " + DAY.format(schedule.dueOn(period)) + ")" : "")
                        + ": giá trị khối lượng đã thực hiện " + vnd(report.spentAmount()) + ", vốn đối ứng đã đầu tư "
                        + vnd(report.counterpartInvested()) + ", " + evidence.size() + " tài liệu minh chứng.");
        return monitoring.view(dossier, today);
    }

    /** A month already come and not before monitoring started; every milestone of the plan once; the dossier's evidence. */
    private List<FieldProblem> problems(
            UUID dossierId,
            MonitoringForms.Report report,
            YearMonth period,
            Project project,
            List<Long> plan,
            List<UUID> evidence,
            LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (period.isAfter(YearMonth.from(today))) {
            problems.add(new FieldProblem("period", "Chưa đến kỳ báo cáo tháng " + MONTH.format(period) + "."));
        } else if (period.isBefore(YearMonth.from(project.startedOn()))) {
            problems.add(new FieldProblem(
                    "period",
                    "Kỳ báo cáo tháng " + MONTH.format(period) + " trước khi bắt đầu theo dõi dự án ("
                            + DAY.format(project.startedOn()) + ")."));
        }
        Set<Long> reported = new HashSet<>();
        for (int i = 0; i < report.milestones().size(); i++) {
            Long id = report.milestones().get(i).milestoneId();
            if (!plan.contains(id)) {
                problems.add(new FieldProblem("milestones[" + i + "].milestoneId", "Mốc này không có trong kế hoạch."));
            } else if (!reported.add(id)) {
                problems.add(new FieldProblem("milestones[" + i + "].milestoneId", "Mốc này đã được báo cáo ở trên."));
            }
        }
        if (problems.isEmpty() && !reported.containsAll(plan)) {
            problems.add(new FieldProblem("milestones", "Vui lòng báo cáo tiến độ của mọi mốc trong kế hoạch."));
        }
        problems.addAll(monitoring.foreignDocuments(dossierId, evidence, "evidenceDocumentIds"));
        return problems;
    }
}

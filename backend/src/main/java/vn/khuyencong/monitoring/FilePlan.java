package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.DAY;
import static vn.khuyencong.monitoring.ProjectMonitoring.invalidIfAny;
import static vn.khuyencong.monitoring.ProjectMonitoring.notMonitored;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireOwner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.workflow.DossierNote;

/** The enterprise files (or, before its first progress report, refiles) the implementation plan of its project. */
@Service
class FilePlan {

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Projects projects;

    FilePlan(JdbcClient jdbc, ProjectMonitoring monitoring, Projects projects) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.projects = projects;
    }

    @Transactional
    MonitoringView file(UUID dossierId, MonitoringForms.Plan plan, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        requireOwner(dossier, user);

        monitoring.validate(plan);
        // the plan may be filed as soon as the project is approved
        if (dossier.status() != DossierStatus.APPROVED && dossier.status() != DossierStatus.MONITORED) {
            throw notMonitored(dossier);
        }
        invalidIfAny(datesOutsideTheProject(dossier, plan));
        projects.lockPlan(dossierId);
        if (!projects.filedPeriods(dossierId).isEmpty()) {
            throw ProblemException.ruleViolated(
                    "plan-locked",
                    "Đã có báo cáo tiến độ theo kế hoạch này: muốn thay đổi kế hoạch, vui lòng gửi đề nghị điều chỉnh.");
        }

        jdbc.sql("delete from plan_milestone where dossier_id = ?")
                .param(dossierId)
                .update();
        for (int i = 0; i < plan.milestones().size(); i++) {
            MonitoringForms.Milestone milestone = plan.milestones().get(i);
            jdbc.sql(
                            "insert into plan_milestone (dossier_id, position, title, due_on, promised_outcome) values (?, ?, ?, ?, ?)")
                    .params(
                            dossierId,
                            i + 1,
                            milestone.title().strip(),
                            milestone.dueOn(),
                            milestone.promisedOutcome().strip())
                    .update();
        }

        monitoring.record(
                dossierId,
                DossierNote.PLAN_FILED,
                user,
                Role.ENTERPRISE,
                "Kế hoạch thực hiện gồm " + plan.milestones().size()
                        + " mốc, mốc cuối ngày "
                        + DAY.format(plan.milestones().stream()
                                .map(MonitoringForms.Milestone::dueOn)
                                .max(LocalDate::compareTo)
                                .orElseThrow())
                        + ".");
        return monitoring.view(dossier, monitoring.today());
    }

    /** Each milestone due within the project: from the dossier's start to its end as last approved. */
    private List<FieldProblem> datesOutsideTheProject(Dossier dossier, MonitoringForms.Plan plan) {
        List<FieldProblem> problems = new ArrayList<>();
        // the project's end as last approved (a timeline change moves it), else the dossier's
        LocalDate endsOn = projects.find(dossier.id()).map(Project::endsOn).orElse(dossier.endsOn());
        for (int i = 0; i < plan.milestones().size(); i++) {
            MonitoringForms.Milestone milestone = plan.milestones().get(i);
            if (dossier.startsOn() != null && milestone.dueOn().isBefore(dossier.startsOn())) {
                problems.add(new FieldProblem(
                        "milestones[" + i + "].dueOn",
                        "Ngày hoàn thành không được trước ngày bắt đầu đề án (" + DAY.format(dossier.startsOn())
                                + ")."));
            } else if (endsOn != null && milestone.dueOn().isAfter(endsOn)) {
                problems.add(new FieldProblem(
                        "milestones[" + i + "].dueOn",
                        "Ngày hoàn thành không được sau ngày kết thúc đề án (" + DAY.format(endsOn) + ")."));
            }
        }
        return problems;
    }
}

package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.DAY;
import static vn.khuyencong.monitoring.ProjectMonitoring.invalidIfAny;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierWorkflow;
import vn.khuyencong.workflow.TransitionRequest;

/**
 * A monitor records the acceptance of the project (what was achieved, the counterpart funds realised, the
 * conclusion); the workflow then moves the dossier to COMPLETED and {@link Settlements} freezes its figures.
 */
@Service
class AcceptProject {

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Projects projects;
    private final DossierWorkflow workflow;

    AcceptProject(JdbcClient jdbc, ProjectMonitoring monitoring, Projects projects, DossierWorkflow workflow) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.projects = projects;
        this.workflow = workflow;
    }

    @Transactional
    MonitoringView accept(UUID dossierId, MonitoringForms.Acceptance acceptance, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        user.requireAny(Role.MONITOR);

        monitoring.validate(acceptance);
        requireMonitored(dossier);
        LocalDate today = monitoring.today();
        Project project = monitoring.lockMonitored(dossier, today);
        invalidIfAny(problems(acceptance, project, today));
        if (projects.pendingChangeRequests(dossierId) > 0) {
            throw ProblemException.ruleViolated(
                    "change-requests-pending",
                    "Còn đề nghị điều chỉnh chưa được quyết định: người phê duyệt cần quyết định trước khi nghiệm thu.");
        }

        MonitoringForms.Outcomes outcomes = acceptance.outcomes();
        jdbc.sql("""
                insert into acceptance_record (dossier_id, accepted_on, workers_trained, machines_installed,
                       machines_working, products, fairs_attended, counterpart_realised, conclusion, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        dossierId,
                        acceptance.acceptedOn(),
                        outcomes.workersTrained(),
                        outcomes.machinesInstalled(),
                        outcomes.machinesWorking(),
                        outcomes.products(),
                        outcomes.fairsAttended(),
                        acceptance.counterpartRealised(),
                        acceptance.conclusion().strip(),
                        user.username(),
                        monitoring.now())
                .update();

        // the state machine moves the dossier to COMPLETED and writes the history; the settlement is frozen in the
        // same transaction
        Dossier accepted = workflow.fire(
                dossierId,
                DossierEvent.ACCEPT,
                user,
                TransitionRequest.withComment("Nghiệm thu ngày " + DAY.format(acceptance.acceptedOn()) + ": "
                        + acceptance.conclusion().strip()));
        return monitoring.view(accepted, today);
    }

    /** Accepted within monitoring and not in the future; no more machines working than installed. */
    private static List<FieldProblem> problems(
            MonitoringForms.Acceptance acceptance, Project project, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (acceptance.acceptedOn().isAfter(today)) {
            problems.add(new FieldProblem("acceptedOn", "Ngày nghiệm thu không được sau hôm nay."));
        } else if (acceptance.acceptedOn().isBefore(project.startedOn())) {
            problems.add(
                    new FieldProblem("acceptedOn", "Ngày nghiệm thu không được trước ngày bắt đầu theo dõi dự án."));
        }
        MonitoringForms.Outcomes outcomes = acceptance.outcomes();
        if (outcomes.machinesWorking() > outcomes.machinesInstalled()) {
            problems.add(new FieldProblem(
                    "outcomes.machinesWorking", "Số máy đang hoạt động không được nhiều hơn số máy đã lắp đặt."));
        }
        return problems;
    }
}

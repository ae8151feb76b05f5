package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.DAY;
import static vn.khuyencong.monitoring.ProjectMonitoring.invalidIfAny;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.workflow.DossierNote;

/** A monitor records a site inspection: findings, conclusion, photos, and corrective action with its due date. */
@Service
class RecordInspection {

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Projects projects;

    RecordInspection(JdbcClient jdbc, ProjectMonitoring monitoring, Projects projects) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.projects = projects;
    }

    @Transactional
    MonitoringView record(UUID dossierId, MonitoringForms.Inspection inspection, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        user.requireAny(Role.MONITOR);

        monitoring.validate(inspection);
        requireMonitored(dossier);
        LocalDate today = monitoring.today();
        boolean action = inspection.correctiveAction() != null
                && !inspection.correctiveAction().isBlank();
        List<UUID> photos = inspection.photoDocumentIds() == null ? List.of() : inspection.photoDocumentIds();
        invalidIfAny(problems(dossierId, inspection, action, photos, today));
        monitoring.lockMonitored(dossier, today);

        long id = jdbc.sql("""
                insert into inspection (dossier_id, inspected_on, findings, conclusion, corrective_action,
                                        corrective_due_on, inspector, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        dossierId,
                        inspection.inspectedOn(),
                        inspection.findings().strip(),
                        inspection.conclusion().strip(),
                        action ? inspection.correctiveAction().strip() : null,
                        action ? inspection.correctiveDueOn() : null,
                        user.username(),
                        monitoring.now())
                .query(Long.class)
                .single();
        for (UUID photo : new LinkedHashSet<>(photos)) {
            jdbc.sql("insert into inspection_photo (inspection_id, document_id) values (?, ?)")
                    .params(id, photo)
                    .update();
        }

        monitoring.record(
                dossierId,
                DossierNote.INSPECTED,
                user,
                Role.MONITOR,
                "Kiểm tra ngày " + DAY.format(inspection.inspectedOn())
                        + ": " + inspection.conclusion().strip()
                        + (action
                                ? " Yêu cầu khắc phục: "
                                        + inspection.correctiveAction().strip() + " (hạn "
                                        + DAY.format(inspection.correctiveDueOn()) + ")."
                                : ""));
        return monitoring.view(dossier, today);
    }

    /** Inspected within monitoring, not in the future; a corrective action and its due date together; the dossier's photos. */
    private List<FieldProblem> problems(
            UUID dossierId, MonitoringForms.Inspection inspection, boolean action, List<UUID> photos, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (inspection.inspectedOn().isAfter(today)) {
            problems.add(new FieldProblem("inspectedOn", "Ngày kiểm tra không được sau hôm nay."));
        } else if (projects.find(dossierId)
                .map(p -> inspection.inspectedOn().isBefore(p.startedOn()))
                .orElse(false)) {
            problems.add(
                    new FieldProblem("inspectedOn", "Ngày kiểm tra không được trước ngày bắt đầu theo dõi dự án."));
        }
        if (action && inspection.correctiveDueOn() == null) {
            problems.add(new FieldProblem("correctiveDueOn", "Vui lòng nhập hạn khắc phục."));
        }
        if (!action && inspection.correctiveDueOn() != null) {
            problems.add(new FieldProblem("correctiveAction", "Vui lòng nêu việc phải khắc phục."));
        }
        if (action
                && inspection.correctiveDueOn() != null
                && !inspection.correctiveDueOn().isAfter(inspection.inspectedOn())) {
            problems.add(new FieldProblem("correctiveDueOn", "Hạn khắc phục phải sau ngày kiểm tra."));
        }
        problems.addAll(monitoring.foreignDocuments(dossierId, photos, "photoDocumentIds"));
        return problems;
    }
}

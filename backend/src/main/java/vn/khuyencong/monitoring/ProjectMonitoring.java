package vn.khuyencong.monitoring;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.document.Documents;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.DossierNote;

/**
 * The steps every use case of monitoring takes the same way, in the same order: the dossier must be visible to the
 * caller (404 otherwise, so nobody learns it exists), the caller's role (403), the form (400 naming the fields), the
 * rules (409 naming the rule), then the write and its history row in one transaction, answered with the page.
 */
@Component
class ProjectMonitoring {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final Dossiers dossiers;
    private final Projects projects;
    private final MonitoringReads reads;
    private final Catalog catalog;
    private final Documents documents;
    private final Validator validator;
    private final DossierHistory history;
    private final Clock clock;

    ProjectMonitoring(
            Dossiers dossiers,
            Projects projects,
            MonitoringReads reads,
            Catalog catalog,
            Documents documents,
            Validator validator,
            DossierHistory history,
            Clock clock) {
        this.dossiers = dossiers;
        this.projects = projects;
        this.reads = reads;
        this.catalog = catalog;
        this.documents = documents;
        this.validator = validator;
        this.history = history;
        this.clock = clock;
    }

    /** The monitoring page of a dossier the caller may see. */
    MonitoringView view(UUID dossierId, CurrentUser user) {
        return view(visible(dossierId, user), today());
    }

    MonitoringView view(Dossier dossier, LocalDate today) {
        return reads.view(dossier, today);
    }

    /** The dossier, if the caller may see it; 404 otherwise. */
    Dossier visible(UUID dossierId, CurrentUser user) {
        return dossiers.getVisible(dossierId, user);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    ReportSchedule schedule(Project project) {
        return new ReportSchedule(project.startedOn(), catalog.progressReportDueDay());
    }

    // ---- authorise -------------------------------------------------------------------------------------------------

    static boolean isOwner(Dossier dossier, CurrentUser user) {
        return user.has(Role.ENTERPRISE) && dossier.organisationId().equals(user.organisationId());
    }

    static void requireOwner(Dossier dossier, CurrentUser user) {
        if (!isOwner(dossier, user)) {
            throw forbidden();
        }
    }

    /** The enterprise that owns the project, or a monitor. */
    static void requireOwnerOrMonitor(Dossier dossier, CurrentUser user) {
        if (!isOwner(dossier, user) && !user.has(Role.MONITOR)) {
            throw forbidden();
        }
    }

    private static ProblemException forbidden() {
        return new ProblemException(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Không có quyền",
                "Vai trò của bạn không được thực hiện thao tác này.",
                List.of(),
                Map.of());
    }

    // ---- validate --------------------------------------------------------------------------------------------------

    void validate(Object form) {
        if (form == null) {
            throw ProblemException.invalid("Vui lòng gửi nội dung biểu mẫu.", List.of());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(form);
        invalidIfAny(violations.stream()
                .map(v -> new FieldProblem(
                        v.getPropertyPath()
                                .toString()
                                .replaceAll("\\.<[^>]+>", "")
                                .replaceAll("<[^>]+>", ""),
                        v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    static void invalidIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    "Có " + problems.size() + " trường chưa hợp lệ. Vui lòng kiểm tra lại.", problems);
        }
    }

    /** The documents of {@code ids} that are not the dossier's, each named by its place in the form. */
    List<FieldProblem> foreignDocuments(UUID dossierId, List<UUID> ids, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!documents.belongsTo(ids.get(i), dossierId)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "Tài liệu không thuộc hồ sơ này."));
            }
        }
        return problems;
    }

    static void requireMonitored(Dossier dossier) {
        if (dossier.status() != DossierStatus.MONITORED) {
            throw notMonitored(dossier);
        }
    }

    static ProblemException notMonitored(Dossier dossier) {
        return ProblemException.ruleViolated(
                "project-monitored",
                "Thao tác này chỉ thực hiện được khi đề án đang "
                        + "được theo dõi, giám sát; hồ sơ đang ở trạng thái \""
                        + dossier.status().label() + "\".");
    }

    /**
     * The project's row, locked for the rest of the transaction, and the dossier still monitored: a request that
     * waited for the lock behind another (a double click on "Nghiệm thu") judges the state that one left.
     */
    Project lockMonitored(Dossier dossier, LocalDate today) {
        Project project = projects.lock(dossier, today);
        requireMonitored(dossiers.find(dossier.id()).orElseThrow());
        return project;
    }

    // ---- record ----------------------------------------------------------------------------------------------------

    /** The moment of the write, for the rows' recorded_at (and the like). */
    Timestamp now() {
        return Projects.ts(clock.instant());
    }

    /** The use case's row in the dossier's history, in the same transaction as its write. */
    void record(UUID dossierId, DossierNote note, CurrentUser user, Role role, String text) {
        history.note(dossierId, note, user, role, text);
    }

    // ---- wording ---------------------------------------------------------------------------------------------------

}

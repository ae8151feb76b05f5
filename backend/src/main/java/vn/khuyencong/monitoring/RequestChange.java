package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.invalidIfAny;
import static vn.khuyencong.monitoring.ProjectMonitoring.isOwner;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireOwnerOrMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.MonitoringForms.ChangeKind;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.workflow.DossierNote;

/**
 * The enterprise or a monitor asks to change the project's budget, content, site or timeline; the request waits
 * for an approver ({@link DecideChange}).
 */
@Service
class RequestChange {

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Catalog catalog;

    RequestChange(JdbcClient jdbc, ProjectMonitoring monitoring, Catalog catalog) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.catalog = catalog;
    }

    @Transactional
    MonitoringView request(UUID dossierId, MonitoringForms.ChangeRequest change, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        requireOwnerOrMonitor(dossier, user);

        monitoring.validate(change);
        requireMonitored(dossier);
        invalidIfAny(problems(dossier, change));
        monitoring.lockMonitored(dossier, monitoring.today());

        jdbc.sql("""
                insert into change_request (dossier_id, kind, reason, proposed_amount, proposed_ends_on,
                                            proposed_commune_code, proposed_content, status, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(
                        dossierId,
                        change.kind().name(),
                        change.reason().strip(),
                        change.kind() == ChangeKind.BUDGET ? change.proposedAmount() : null,
                        change.kind() == ChangeKind.TIMELINE ? change.proposedEndsOn() : null,
                        change.kind() == ChangeKind.SITE ? change.proposedCommuneCode() : null,
                        change.kind() == ChangeKind.CONTENT
                                ? change.proposedContent().strip()
                                : null,
                        user.username(),
                        monitoring.now())
                .update();

        monitoring.record(
                dossierId,
                DossierNote.CHANGE_REQUESTED,
                user,
                isOwner(dossier, user) ? Role.ENTERPRISE : Role.MONITOR,
                "Đề nghị điều chỉnh "
                        + new ProposedChange(
                                        change.kind(),
                                        change.proposedAmount(),
                                        change.proposedEndsOn(),
                                        change.proposedCommuneCode(),
                                        change.proposedContent())
                                .describe(catalog)
                        + ". Lý do: " + change.reason().strip());
        return monitoring.view(dossier, monitoring.today());
    }

    /** The field of the change's kind, filled in and sensible. */
    private List<FieldProblem> problems(Dossier dossier, MonitoringForms.ChangeRequest change) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (change.kind()) {
            case BUDGET -> {
                if (change.proposedAmount() == null) {
                    problems.add(
                            new FieldProblem("proposedAmount", "Vui lòng nhập kinh phí hỗ trợ đề nghị điều chỉnh."));
                }
            }
            case TIMELINE -> {
                if (change.proposedEndsOn() == null) {
                    problems.add(new FieldProblem("proposedEndsOn", "Vui lòng nhập ngày kết thúc mới."));
                } else if (dossier.startsOn() != null
                        && !change.proposedEndsOn().isAfter(dossier.startsOn())) {
                    problems.add(new FieldProblem("proposedEndsOn", "Ngày kết thúc mới phải sau ngày bắt đầu đề án."));
                }
            }
            case SITE -> {
                if (change.proposedCommuneCode() == null
                        || catalog.commune(change.proposedCommuneCode()).isEmpty()) {
                    problems.add(
                            new FieldProblem("proposedCommuneCode", "Vui lòng chọn xã, phường có trong danh mục."));
                }
            }
            case CONTENT -> {
                if (change.proposedContent() == null || change.proposedContent().isBlank()) {
                    problems.add(new FieldProblem("proposedContent", "Vui lòng nêu nội dung đề nghị điều chỉnh."));
                }
            }
        }
        return problems;
    }
}

package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;
import static vn.khuyencong.shared.Texts.blankToNull;
import static vn.khuyencong.shared.Texts.vnd;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierForms;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.MonitoringForms.ChangeKind;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.Rows;
import vn.khuyencong.workflow.DossierNote;

/**
 * An approver decides a pending change request, once; an approved change amends the project (a budget change
 * within {@link MoneyPolicy}), a refusal gives its reason.
 */
@Service
class DecideChange {

    /** A change request as stored, before its decision. */
    record Pending(
            String kind,
            String status,
            Long proposedAmount,
            LocalDate proposedEndsOn,
            String proposedCommuneCode,
            String proposedContent) {

        ProposedChange proposed() {
            return new ProposedChange(
                    ChangeKind.valueOf(kind), proposedAmount, proposedEndsOn, proposedCommuneCode, proposedContent);
        }
    }

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Projects projects;
    private final DossierForms forms;
    private final Catalog catalog;

    DecideChange(
            JdbcClient jdbc, ProjectMonitoring monitoring, Projects projects, DossierForms forms, Catalog catalog) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.projects = projects;
        this.forms = forms;
        this.catalog = catalog;
    }

    @Transactional
    MonitoringView decide(UUID dossierId, long requestId, MonitoringForms.Decision decision, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        user.requireAny(Role.APPROVER);

        monitoring.validate(decision);
        Pending request = jdbc.sql("""
                select kind, status, proposed_amount, proposed_ends_on, proposed_commune_code, proposed_content
                from change_request where id = ? and dossier_id = ? for update""")
                .params(requestId, dossierId)
                .query(Rows.of(Pending.class))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy đề nghị điều chỉnh."));
        if (!"PENDING".equals(request.status())) {
            throw ProblemException.ruleViolated("change-already-decided", "Đề nghị điều chỉnh này đã được quyết định.");
        }
        requireMonitored(dossier);
        boolean approved = decision.approved();
        if (!approved && (decision.comment() == null || decision.comment().isBlank())) {
            throw ProblemException.invalidField("comment", "Vui lòng nêu lý do không chấp thuận.");
        }
        LocalDate today = monitoring.today();
        Project project = monitoring.lockMonitored(dossier, today);
        ProposedChange change = request.proposed();

        if (approved) {
            apply(dossier, change, today);
        }
        jdbc.sql("""
                update change_request set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                where id = ?""")
                .params(
                        approved ? "APPROVED" : "REFUSED",
                        user.username(),
                        monitoring.now(),
                        blankToNull(decision.comment()),
                        requestId)
                .update();

        monitoring.record(
                dossierId,
                approved ? DossierNote.CHANGE_APPROVED : DossierNote.CHANGE_REFUSED,
                user,
                Role.APPROVER,
                (approved ? "Chấp thuận điều chỉnh " : "Không chấp thuận điều chỉnh ")
                        + change.describe(catalog)
                        + (change.kind() == ChangeKind.BUDGET && approved
                                ? " (trước đây " + vnd(project.approvedAmount()) + ")"
                                : "")
                        + (blankToNull(decision.comment()) == null
                                ? "."
                                : ". " + decision.comment().strip()));
        return monitoring.view(dossier, today);
    }

    /** Amends the project's row; a budget change is first checked against the money already paid and the cap. */
    private void apply(Dossier dossier, ProposedChange change, LocalDate today) {
        UUID dossierId = dossier.id();
        switch (change.kind()) {
            case BUDGET -> {
                MoneyPolicy.checkBudgetCoversPaid(
                        change.amount(), projects.totals(dossierId).total());
                MoneyPolicy.checkBudgetWithinCap(change.amount(), forms.supportCap(dossier, today));
                amend(dossierId, "approved_amount", change.amount());
            }
            case TIMELINE -> amend(dossierId, "ends_on", change.endsOn());
            case SITE -> amend(dossierId, "commune_code", change.communeCode());
            case CONTENT -> amend(dossierId, "content_note", change.content());
        }
    }

    /** {@code column} is one of the project's amendable columns named above, never the caller's input. */
    private void amend(UUID dossierId, String column, Object value) {
        jdbc.sql("update monitored_project set " + column + " = ? where dossier_id = ?")
                .params(value, dossierId)
                .update();
    }
}

package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.DAY;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;
import static vn.khuyencong.shared.Texts.vnd;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.catalog.AdvanceRule;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.MonitoringForms.DisbursementKind;
import vn.khuyencong.monitoring.Projects.LatestReport;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.monitoring.Projects.Totals;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.workflow.DossierNote;

/**
 * A monitor records an advance (tạm ứng) or a payment for work done (thanh toán), once per voucher, within the
 * rules of {@link MoneyPolicy}.
 */
@Service
class RecordDisbursement {

    private final JdbcClient jdbc;
    private final ProjectMonitoring monitoring;
    private final Projects projects;
    private final Catalog catalog;

    RecordDisbursement(JdbcClient jdbc, ProjectMonitoring monitoring, Projects projects, Catalog catalog) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.projects = projects;
        this.catalog = catalog;
    }

    @Transactional
    MonitoringView record(UUID dossierId, MonitoringForms.Disbursement disbursement, CurrentUser user) {
        Dossier dossier = monitoring.visible(dossierId, user);
        user.requireAny(Role.MONITOR);

        monitoring.validate(disbursement);
        requireMonitored(dossier);
        LocalDate today = monitoring.today();
        if (disbursement.paidOn().isAfter(today)) {
            throw ProblemException.invalidField("paidOn", "Ngày chi không được sau hôm nay.");
        }
        Project project = monitoring.lockMonitored(dossier, today);
        if (projects.voucherRecorded(dossierId, disbursement.reference())) {
            throw ProblemException.conflict(
                    "voucher-once",
                    "Chứng từ " + disbursement.reference().strip() + " đã được ghi nhận cho đề án này.",
                    List.of(new FieldProblem("reference", "Chứng từ này đã được ghi nhận.")));
        }
        Totals totals = projects.totals(dossierId);
        long amount = disbursement.amount();
        boolean advance = disbursement.kind() == DisbursementKind.ADVANCE;
        if (advance) {
            AdvanceRule rule = catalog.advanceRule(dossier.supportKind(), disbursement.paidOn())
                    .orElseThrow(() -> ProblemException.ruleViolated(
                            "advance-rule", "Danh mục chưa quy định tỷ lệ tạm ứng cho loại hỗ trợ của đề án này."));
            LatestReport latest = projects.latestReport(dossierId).orElse(null);
            Integer percent = MonitoringReads.progressPercent(dossier, latest);
            MoneyPolicy.checkAdvance(
                    rule,
                    project.approvedAmount(),
                    totals.advances(),
                    amount,
                    rule.progressOverPercent() == null
                            || MoneyPolicy.progressOver(
                                    dossier.totalBudget(),
                                    latest == null ? null : latest.spentAmount(),
                                    rule.progressOverPercent()),
                    percent == null ? "chưa có báo cáo" : percent + "%");
        }
        MoneyPolicy.checkWithinApproved(project.approvedAmount(), totals.total(), amount);

        jdbc.sql("""
                insert into disbursement (dossier_id, kind, amount, paid_on, reference, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        dossierId,
                        disbursement.kind().name(),
                        amount,
                        disbursement.paidOn(),
                        disbursement.reference().strip(),
                        user.username(),
                        monitoring.now())
                .update();

        monitoring.record(
                dossierId,
                advance ? DossierNote.ADVANCE_RECORDED : DossierNote.PAYMENT_RECORDED,
                user,
                Role.MONITOR,
                (advance ? "Tạm ứng " : "Thanh toán ") + vnd(amount) + " ngày " + DAY.format(disbursement.paidOn())
                        + ", chứng từ " + disbursement.reference().strip() + "; tổng đã chi "
                        + vnd(totals.total() + amount) + "/" + vnd(project.approvedAmount()) + ".");
        return monitoring.view(dossier, today);
    }
}

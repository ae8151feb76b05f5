package vn.khuyencong.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.catalog.AdvanceRule;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.document.Document;
import vn.khuyencong.document.Documents;
import vn.khuyencong.document.MultipartUploads;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierForms;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.MonitoringForms.ChangeKind;
import vn.khuyencong.monitoring.MonitoringForms.DisbursementKind;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.monitoring.Projects.Totals;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.shared.Rows;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.DossierNote;
import vn.khuyencong.workflow.DossierWorkflow;
import vn.khuyencong.workflow.TransitionRequest;

/**
 * The use cases of monitoring, each in the same order: the dossier must be visible to the caller (404 otherwise,
 * so nobody learns it exists), the caller's role (403), the form (400 naming the fields), the rules (409 naming
 * the rule), then the write and its history row in one transaction.
 */
@Service
class ProjectMonitoring {

    static final Set<String> EVIDENCE_TYPES =
            Set.of("EVIDENCE_PHOTO", "EVIDENCE_CONTRACT", "EVIDENCE_INVOICE", "ACCEPTANCE_MINUTES");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final DossierForms forms;
    private final Documents documents;
    private final MultipartUploads uploads;
    private final Catalog catalog;
    private final DossierHistory history;
    private final DossierWorkflow workflow;
    private final Projects projects;
    private final MonitoringReads reads;
    private final Validator validator;
    private final Clock clock;

    ProjectMonitoring(
            JdbcClient jdbc,
            Dossiers dossiers,
            DossierForms forms,
            Documents documents,
            MultipartUploads uploads,
            Catalog catalog,
            DossierHistory history,
            DossierWorkflow workflow,
            Projects projects,
            MonitoringReads reads,
            Validator validator,
            Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.forms = forms;
        this.documents = documents;
        this.uploads = uploads;
        this.catalog = catalog;
        this.history = history;
        this.workflow = workflow;
        this.projects = projects;
        this.reads = reads;
        this.validator = validator;
        this.clock = clock;
    }

    MonitoringView view(UUID dossierId, CurrentUser user) {
        return reads.view(dossiers.getVisible(dossierId, user), today());
    }

    // ---- the enterprise ------------------------------------------------------------------------------------------

    @Transactional
    MonitoringView filePlan(UUID dossierId, MonitoringForms.Plan plan, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        requireOwner(dossier, user);
        validate(plan);
        if (dossier.status() != DossierStatus.APPROVED && dossier.status() != DossierStatus.MONITORED) {
            throw notMonitored(dossier);
        }
        List<FieldProblem> problems = new ArrayList<>();
        // the project's end as last approved (a timeline change moves it), else the dossier's
        LocalDate endsOn = projects.find(dossierId).map(Project::endsOn).orElse(dossier.endsOn());
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
        invalidIfAny(problems);
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
        history.note(
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
        return reads.view(dossier, today());
    }

    @Transactional
    MonitoringView fileReport(UUID dossierId, MonitoringForms.Report report, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        requireOwner(dossier, user);
        validate(report);
        requireMonitored(dossier);
        LocalDate today = today();
        Project project = lockMonitored(dossier, today);
        List<Long> plan = projects.milestoneIds(dossierId);
        if (plan.isEmpty()) {
            throw ProblemException.ruleViolated(
                    "plan-required", "Vui lòng lập kế hoạch thực hiện (các mốc) trước khi báo cáo tiến độ.");
        }
        ReportSchedule schedule = schedule(project);
        YearMonth period = YearMonth.parse(report.period());
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
        List<UUID> evidence = report.evidenceDocumentIds() == null ? List.of() : report.evidenceDocumentIds();
        for (int i = 0; i < evidence.size(); i++) {
            if (!documents.belongsTo(evidence.get(i), dossierId)) {
                problems.add(new FieldProblem("evidenceDocumentIds[" + i + "]", "Tài liệu không thuộc hồ sơ này."));
            }
        }
        invalidIfAny(problems);
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
                        Projects.ts(clock.instant()))
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
        history.note(
                dossierId,
                DossierNote.PROGRESS_REPORTED,
                user,
                Role.ENTERPRISE,
                "Báo cáo tiến độ tháng " + MONTH.format(period)
                        + (late ? " (nộp muộn, hạn " + DAY.format(schedule.dueOn(period)) + ")" : "")
                        + ": giá trị khối lượng đã thực hiện " + vnd(report.spentAmount()) + ", vốn đối ứng đã đầu tư "
                        + vnd(report.counterpartInvested()) + ", " + evidence.size() + " tài liệu minh chứng.");
        return reads.view(dossier, today);
    }

    /** Streams the evidence like any upload (no transaction held while the bytes travel); the rule is this module's. */
    Document attachEvidence(UUID dossierId, HttpServletRequest request, CurrentUser user) {
        return uploads.receive(dossierId, request, user, (dossier, documentType) -> {
            if (!isOwner(dossier, user) && !user.has(Role.MONITOR)) {
                throw forbidden();
            }
            if (!EVIDENCE_TYPES.contains(documentType)) {
                throw ProblemException.invalidField(
                        "documentType",
                        "Loại tài liệu minh chứng phải là ảnh hiện trường, hợp đồng, hóa đơn chứng từ hoặc biên bản nghiệm thu.");
            }
            requireMonitored(dossier);
        });
    }

    // ---- the monitor -----------------------------------------------------------------------------------------------

    @Transactional
    MonitoringView recordInspection(UUID dossierId, MonitoringForms.Inspection inspection, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        user.requireAny(Role.MONITOR);
        validate(inspection);
        requireMonitored(dossier);
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (inspection.inspectedOn().isAfter(today)) {
            problems.add(new FieldProblem("inspectedOn", "Ngày kiểm tra không được sau hôm nay."));
        } else if (projects.find(dossierId)
                .map(p -> inspection.inspectedOn().isBefore(p.startedOn()))
                .orElse(false)) {
            problems.add(
                    new FieldProblem("inspectedOn", "Ngày kiểm tra không được trước ngày bắt đầu theo dõi dự án."));
        }
        boolean action = inspection.correctiveAction() != null
                && !inspection.correctiveAction().isBlank();
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
        List<UUID> photos = inspection.photoDocumentIds() == null ? List.of() : inspection.photoDocumentIds();
        for (int i = 0; i < photos.size(); i++) {
            if (!documents.belongsTo(photos.get(i), dossierId)) {
                problems.add(new FieldProblem("photoDocumentIds[" + i + "]", "Tài liệu không thuộc hồ sơ này."));
            }
        }
        invalidIfAny(problems);
        lockMonitored(dossier, today);
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
                        Projects.ts(clock.instant()))
                .query(Long.class)
                .single();
        for (UUID photo : new LinkedHashSet<>(photos)) {
            jdbc.sql("insert into inspection_photo (inspection_id, document_id) values (?, ?)")
                    .params(id, photo)
                    .update();
        }
        history.note(
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
        return reads.view(dossier, today);
    }

    @Transactional
    MonitoringView recordDisbursement(UUID dossierId, MonitoringForms.Disbursement disbursement, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        user.requireAny(Role.MONITOR);
        validate(disbursement);
        requireMonitored(dossier);
        LocalDate today = today();
        if (disbursement.paidOn().isAfter(today)) {
            throw ProblemException.invalidField("paidOn", "Ngày chi không được sau hôm nay.");
        }
        Project project = lockMonitored(dossier, today);
        if (projects.voucherRecorded(dossierId, disbursement.reference())) {
            throw ProblemException.conflict(
                    "voucher-once",
                    "Chứng từ " + disbursement.reference().strip() + " đã được ghi nhận cho đề án này.",
                    List.of(new FieldProblem("reference", "Chứng từ này đã được ghi nhận.")));
        }
        Totals totals = projects.totals(dossierId);
        long amount = disbursement.amount();
        if (disbursement.kind() == DisbursementKind.ADVANCE) {
            AdvanceRule rule = catalog.advanceRule(dossier.supportKind(), disbursement.paidOn())
                    .orElseThrow(() -> ProblemException.ruleViolated(
                            "advance-rule", "Danh mục chưa quy định tỷ lệ tạm ứng cho loại hỗ trợ của đề án này."));
            if (rule.progressOverPercent() != null && !progressOver(dossier, rule.progressOverPercent())) {
                throw ProblemException.ruleViolated(
                        "advance-progress",
                        "Chỉ được tạm ứng khi giá trị khối lượng đã "
                                + "thực hiện vượt " + rule.progressOverPercent()
                                + "% tổng vốn đầu tư của đề án (theo báo cáo "
                                + "tiến độ mới nhất: " + progressText(dossier) + "). Căn cứ: " + rule.legalBasis()
                                + ".",
                        List.of(new FieldProblem("amount", "Chưa đủ điều kiện tạm ứng.")));
            }
            long ceiling = rule.ceiling(project.approvedAmount());
            if (totals.advances() + amount > ceiling) {
                throw ProblemException.ruleViolated(
                        "advance-ceiling",
                        "Tổng tạm ứng không được vượt "
                                + rule.maxPercent() + "% kinh phí được phê duyệt, tức " + vnd(ceiling) + " (đã tạm ứng "
                                + vnd(totals.advances()) + "). Căn cứ: " + rule.legalBasis() + ".",
                        List.of(new FieldProblem(
                                "amount", "Không quá " + vnd(Math.max(0, ceiling - totals.advances())) + ".")));
            }
        }
        if (totals.total() + amount > project.approvedAmount()) {
            throw ProblemException.ruleViolated(
                    "total-within-approved",
                    "Tổng tạm ứng và thanh toán không được vượt " + "kinh phí được phê duyệt "
                            + vnd(project.approvedAmount()) + " (đã chi " + vnd(totals.total()) + ").",
                    List.of(new FieldProblem(
                            "amount",
                            "Không quá " + vnd(Math.max(0, project.approvedAmount() - totals.total())) + ".")));
        }
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
                        Projects.ts(clock.instant()))
                .update();
        boolean advance = disbursement.kind() == DisbursementKind.ADVANCE;
        history.note(
                dossierId,
                advance ? DossierNote.ADVANCE_RECORDED : DossierNote.PAYMENT_RECORDED,
                user,
                Role.MONITOR,
                (advance ? "Tạm ứng " : "Thanh toán ") + vnd(amount) + " ngày " + DAY.format(disbursement.paidOn())
                        + ", chứng từ " + disbursement.reference().strip() + "; tổng đã chi "
                        + vnd(totals.total() + amount) + "/" + vnd(project.approvedAmount()) + ".");
        return reads.view(dossier, today);
    }

    // ---- change requests -------------------------------------------------------------------------------------------

    @Transactional
    MonitoringView requestChange(UUID dossierId, MonitoringForms.ChangeRequest change, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        if (!isOwner(dossier, user) && !user.has(Role.MONITOR)) {
            throw forbidden();
        }
        validate(change);
        requireMonitored(dossier);
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
        invalidIfAny(problems);
        lockMonitored(dossier, today());
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
                        Projects.ts(clock.instant()))
                .update();
        history.note(
                dossierId,
                DossierNote.CHANGE_REQUESTED,
                user,
                isOwner(dossier, user) ? Role.ENTERPRISE : Role.MONITOR,
                "Đề nghị điều chỉnh "
                        + describe(
                                change.kind(),
                                change.proposedAmount(),
                                change.proposedEndsOn(),
                                change.proposedCommuneCode(),
                                change.proposedContent())
                        + ". Lý do: " + change.reason().strip());
        return reads.view(dossier, today());
    }

    @Transactional
    MonitoringView decideChange(UUID dossierId, long requestId, MonitoringForms.Decision decision, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        user.requireAny(Role.APPROVER);
        validate(decision);
        record Pending(
                String kind,
                String status,
                Long proposedAmount,
                LocalDate proposedEndsOn,
                String proposedCommuneCode,
                String proposedContent) {}
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
        LocalDate today = today();
        Project project = lockMonitored(dossier, today);
        ChangeKind kind = ChangeKind.valueOf(request.kind());
        if (approved) {
            switch (kind) {
                case BUDGET -> {
                    long paid = projects.totals(dossierId).total();
                    if (request.proposedAmount() < paid) {
                        throw ProblemException.ruleViolated(
                                "budget-below-paid",
                                "Kinh phí điều chỉnh " + vnd(request.proposedAmount())
                                        + " thấp hơn số đã tạm ứng và thanh toán " + vnd(paid) + ".");
                    }
                    Long cap = forms.supportCap(dossier, today);
                    if (cap != null && request.proposedAmount() > cap) {
                        throw ProblemException.ruleViolated(
                                "support-cap",
                                "Kinh phí điều chỉnh vượt mức hỗ trợ tối đa " + vnd(cap) + " cho loại hỗ trợ này.");
                    }
                    jdbc.sql("update monitored_project set approved_amount = ? where dossier_id = ?")
                            .params(request.proposedAmount(), dossierId)
                            .update();
                }
                case TIMELINE ->
                    jdbc.sql("update monitored_project set ends_on = ? where dossier_id = ?")
                            .params(request.proposedEndsOn(), dossierId)
                            .update();
                case SITE ->
                    jdbc.sql("update monitored_project set commune_code = ? where dossier_id = ?")
                            .params(request.proposedCommuneCode(), dossierId)
                            .update();
                case CONTENT ->
                    jdbc.sql("update monitored_project set content_note = ? where dossier_id = ?")
                            .params(request.proposedContent(), dossierId)
                            .update();
            }
        }
        jdbc.sql("""
                update change_request set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                where id = ?""")
                .params(
                        approved ? "APPROVED" : "REFUSED",
                        user.username(),
                        Projects.ts(clock.instant()),
                        blankToNull(decision.comment()),
                        requestId)
                .update();
        String what = describe(
                kind,
                request.proposedAmount(),
                request.proposedEndsOn(),
                request.proposedCommuneCode(),
                request.proposedContent());
        history.note(
                dossierId,
                approved ? DossierNote.CHANGE_APPROVED : DossierNote.CHANGE_REFUSED,
                user,
                Role.APPROVER,
                (approved ? "Chấp thuận điều chỉnh " : "Không chấp thuận điều chỉnh ")
                        + what
                        + (kind == ChangeKind.BUDGET && approved
                                ? " (trước đây " + vnd(project.approvedAmount()) + ")"
                                : "")
                        + (blankToNull(decision.comment()) == null
                                ? "."
                                : ". " + decision.comment().strip()));
        return reads.view(dossier, today);
    }

    // ---- acceptance ------------------------------------------------------------------------------------------------

    @Transactional
    MonitoringView accept(UUID dossierId, MonitoringForms.Acceptance acceptance, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        user.requireAny(Role.MONITOR);
        validate(acceptance);
        requireMonitored(dossier);
        LocalDate today = today();
        Project project = lockMonitored(dossier, today);
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
        invalidIfAny(problems);
        if (projects.pendingChangeRequests(dossierId) > 0) {
            throw ProblemException.ruleViolated(
                    "change-requests-pending",
                    "Còn đề nghị điều chỉnh chưa được quyết định: người phê duyệt cần quyết định trước khi nghiệm thu.");
        }
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
                        Projects.ts(clock.instant()))
                .update();
        // the state machine moves the dossier to COMPLETED; the settlement is frozen in the same transaction
        Dossier accepted = workflow.fire(
                dossierId,
                DossierEvent.ACCEPT,
                user,
                TransitionRequest.withComment("Nghiệm thu ngày " + DAY.format(acceptance.acceptedOn()) + ": "
                        + acceptance.conclusion().strip()));
        return reads.view(accepted, today);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    ReportSchedule schedule(Project project) {
        return new ReportSchedule(project.startedOn(), catalog.progressReportDueDay());
    }

    private boolean progressOver(Dossier dossier, int percent) {
        long total = dossier.totalBudget() == null ? 0 : dossier.totalBudget();
        return total > 0
                && projects.latestReport(dossier.id())
                        .map(r -> Math.multiplyExact(r.spentAmount(), 100L) > Math.multiplyExact(total, (long) percent))
                        .orElse(false);
    }

    private String progressText(Dossier dossier) {
        Integer percent = MonitoringReads.progressPercent(
                dossier, projects.latestReport(dossier.id()).orElse(null));
        return percent == null ? "chưa có báo cáo" : percent + "%";
    }

    private String describe(ChangeKind kind, Long amount, LocalDate endsOn, String commune, String content) {
        return switch (kind) {
            case BUDGET -> "kinh phí hỗ trợ thành " + vnd(amount == null ? 0 : amount);
            case TIMELINE -> "thời gian thực hiện, kết thúc ngày " + (endsOn == null ? "?" : DAY.format(endsOn));
            case SITE ->
                "địa điểm thực hiện sang "
                        + (commune == null
                                ? "?"
                                : catalog.commune(commune).map(c -> c.name()).orElse(commune));
            case CONTENT -> "nội dung: " + (content == null ? "" : content.strip());
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    private static boolean isOwner(Dossier dossier, CurrentUser user) {
        return user.has(Role.ENTERPRISE) && dossier.organisationId().equals(user.organisationId());
    }

    private static void requireOwner(Dossier dossier, CurrentUser user) {
        if (!isOwner(dossier, user)) {
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

    /**
     * The project's row, locked for the rest of the transaction, and the dossier still monitored: a request that
     * waited for the lock behind another (a double click on "Nghiệm thu") judges the state that one left.
     */
    private Project lockMonitored(Dossier dossier, LocalDate today) {
        Project project = projects.lock(dossier, today);
        requireMonitored(dossiers.find(dossier.id()).orElseThrow());
        return project;
    }

    private static void requireMonitored(Dossier dossier) {
        if (dossier.status() != DossierStatus.MONITORED) {
            throw notMonitored(dossier);
        }
    }

    private static ProblemException notMonitored(Dossier dossier) {
        return ProblemException.ruleViolated(
                "project-monitored",
                "Thao tác này chỉ thực hiện được khi đề án đang "
                        + "được theo dõi, giám sát; hồ sơ đang ở trạng thái \""
                        + dossier.status().label() + "\".");
    }

    private void validate(Object form) {
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

    private static void invalidIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    "Có " + problems.size() + " trường chưa hợp lệ. Vui lòng kiểm tra lại.", problems);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String vnd(long amount) {
        return String.format(Locale.forLanguageTag("vi-VN"), "%,d đồng", amount);
    }
}

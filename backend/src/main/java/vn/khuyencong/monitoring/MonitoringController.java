package vn.khuyencong.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.document.Document;
import vn.khuyencong.identity.CurrentUser;

/**
 * Bodies are validated by the use case, after the visibility and role checks: a caller who may not act learns
 * nothing from the validation of its request.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}/monitoring")
@Tag(
        name = "Theo dõi, giám sát",
        description = "Kế hoạch, báo cáo tiến độ, kiểm tra, tạm ứng và thanh toán, điều chỉnh, nghiệm thu")
class MonitoringController {

    private final ProjectMonitoring monitoring;
    private final FilePlan filePlan;
    private final FileProgressReport fileReport;
    private final AttachEvidence attachEvidence;
    private final RecordInspection recordInspection;
    private final RecordDisbursement recordDisbursement;
    private final RequestChange requestChange;
    private final DecideChange decideChange;
    private final AcceptProject acceptProject;

    MonitoringController(
            ProjectMonitoring monitoring,
            FilePlan filePlan,
            FileProgressReport fileReport,
            AttachEvidence attachEvidence,
            RecordInspection recordInspection,
            RecordDisbursement recordDisbursement,
            RequestChange requestChange,
            DecideChange decideChange,
            AcceptProject acceptProject) {
        this.monitoring = monitoring;
        this.filePlan = filePlan;
        this.fileReport = fileReport;
        this.attachEvidence = attachEvidence;
        this.recordInspection = recordInspection;
        this.recordDisbursement = recordDisbursement;
        this.requestChange = requestChange;
        this.decideChange = decideChange;
        this.acceptProject = acceptProject;
    }

    @GetMapping
    @Operation(
            summary =
                    "Tình hình thực hiện đề án: kế hoạch, báo cáo, kiểm tra, giải ngân, điều chỉnh, nghiệm thu, quyết toán")
    MonitoringView view(@PathVariable UUID dossierId, CurrentUser user) {
        return monitoring.view(dossierId, user);
    }

    @PutMapping("/plan")
    @Operation(
            summary =
                    "Lập (hoặc sửa, trước báo cáo đầu tiên) kế hoạch thực hiện: các mốc, ngày hoàn thành, kết quả cam kết")
    MonitoringView plan(
            @PathVariable UUID dossierId, @RequestBody(required = false) MonitoringForms.Plan plan, CurrentUser user) {
        return filePlan.file(dossierId, plan, user);
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Nộp báo cáo tiến độ hằng tháng (hạn ngày 25): tiến độ từng mốc, kinh phí đã chi, vốn đối ứng, minh chứng")
    ResponseEntity<MonitoringView> report(
            @PathVariable UUID dossierId,
            @RequestBody(required = false) MonitoringForms.Report report,
            CurrentUser user) {
        return created(dossierId, fileReport.file(dossierId, report, user));
    }

    @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tải lên tài liệu minh chứng (ảnh hiện trường, hợp đồng, hóa đơn, biên bản nghiệm thu)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = EvidenceForm.class)))
    ResponseEntity<Document> evidence(@PathVariable UUID dossierId, HttpServletRequest request, CurrentUser user) {
        Document document = attachEvidence.attach(dossierId, request, user);
        return created(dossierId, "/documents/" + document.id(), document);
    }

    @PostMapping("/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ghi nhận một lần kiểm tra hiện trường; có thể yêu cầu khắc phục kèm hạn")
    ResponseEntity<MonitoringView> inspection(
            @PathVariable UUID dossierId,
            @RequestBody(required = false) MonitoringForms.Inspection inspection,
            CurrentUser user) {
        return created(dossierId, recordInspection.record(dossierId, inspection, user));
    }

    @PostMapping("/disbursements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Ghi nhận tạm ứng (trong tỷ lệ tạm ứng của danh mục) hoặc thanh toán (trong kinh phí được phê duyệt)")
    ResponseEntity<MonitoringView> disbursement(
            @PathVariable UUID dossierId,
            @RequestBody(required = false) MonitoringForms.Disbursement disbursement,
            CurrentUser user) {
        return created(dossierId, recordDisbursement.record(dossierId, disbursement, user));
    }

    @PostMapping("/change-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đề nghị điều chỉnh kinh phí, nội dung, địa điểm hoặc thời gian; người phê duyệt quyết định")
    ResponseEntity<MonitoringView> changeRequest(
            @PathVariable UUID dossierId,
            @RequestBody(required = false) MonitoringForms.ChangeRequest change,
            CurrentUser user) {
        return created(dossierId, requestChange.request(dossierId, change, user));
    }

    @PostMapping("/change-requests/{requestId}/decision")
    @Operation(summary = "Quyết định một đề nghị điều chỉnh (người phê duyệt)")
    MonitoringView decide(
            @PathVariable UUID dossierId,
            @PathVariable long requestId,
            @RequestBody(required = false) MonitoringForms.Decision decision,
            CurrentUser user) {
        return decideChange.decide(dossierId, requestId, decision, user);
    }

    @PostMapping("/acceptance")
    @Operation(
            summary =
                    "Lập biên bản nghiệm thu: kết quả đạt được, vốn đối ứng đã thực hiện, kết luận; hồ sơ chuyển sang Đã nghiệm thu")
    MonitoringView accept(
            @PathVariable UUID dossierId,
            @RequestBody(required = false) MonitoringForms.Acceptance acceptance,
            CurrentUser user) {
        return acceptProject.accept(dossierId, acceptance, user);
    }

    /** The parts of an evidence upload, for the API documentation. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvidenceUploadForm")
    record EvidenceForm(
            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "EVIDENCE_PHOTO, EVIDENCE_CONTRACT, EVIDENCE_INVOICE hoặc ACCEPTANCE_MINUTES",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String documentType,

            @io.swagger.v3.oas.annotations.media.Schema(
                    type = "string",
                    format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String file) {}

    private static ResponseEntity<MonitoringView> created(UUID dossierId, MonitoringView view) {
        return created(dossierId, "/monitoring", view);
    }

    /** 201, located at {@code path} under the dossier. */
    private static <T> ResponseEntity<T> created(UUID dossierId, String path, T body) {
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossierId + path))
                .body(body);
    }
}

package vn.khuyencong.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.dossier.DossierView;
import vn.khuyencong.dossier.DossierViews;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}")
@Tag(name = "Quy trình", description = "Các bước xử lý hồ sơ, kết quả xử lý và lịch sử")
class TransitionController {

    private final DossierWorkflow workflow;
    private final DossierHistory history;
    private final ProcessingRecords records;
    private final Dossiers dossiers;
    private final DossierViews views;

    TransitionController(
            DossierWorkflow workflow,
            DossierHistory history,
            ProcessingRecords records,
            Dossiers dossiers,
            DossierViews views) {
        this.workflow = workflow;
        this.history = history;
        this.records = records;
        this.dossiers = dossiers;
        this.views = views;
    }

    /** One step of the procedure; each event reads the fields it needs (see {@link TransitionRequest}). */
    record FireRequest(
            @NotNull(message = "Vui lòng chọn thao tác.") DossierEvent event,

            @Size(max = 4000, message = "Nội dung không quá 4000 ký tự.") String comment,

            @Size(max = 50, message = "Không quá 50 mục.") List<@Size(max = 500, message = "Mỗi mục không quá 500 ký tự.") String> items,

            Map<String, Integer> scores,
            Long recommendedAmount,

            @Size(max = 100, message = "Số quyết định không quá 100 ký tự.") String decisionNumber,

            Long approvedAmount,
            LocalDate newAppointmentDate,

            @Size(max = 200, message = "Tên đăng nhập không quá 200 ký tự.") String assignee) {}

    @PostMapping("/transitions")
    @Operation(
            summary = "Thực hiện một bước của quy trình (nộp, tiếp nhận, yêu cầu bổ sung, thẩm định, phê duyệt, ...)")
    DossierView fire(@PathVariable UUID dossierId, @Valid @RequestBody FireRequest request, CurrentUser user) {
        TransitionRequest payload = new TransitionRequest(
                request.comment(),
                request.items(),
                request.scores(),
                request.recommendedAmount(),
                request.decisionNumber(),
                request.approvedAmount(),
                request.newAppointmentDate(),
                request.assignee());
        return views.of(workflow.fire(dossierId, request.event(), user, payload), user);
    }

    @GetMapping("/history")
    @Operation(summary = "Lịch sử xử lý hồ sơ")
    List<HistoryEntry> history(@PathVariable UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return history.of(dossierId);
    }

    @GetMapping("/processing")
    @Operation(summary = "Kết quả xử lý: yêu cầu bổ sung, phiếu thẩm định, quyết định phê duyệt")
    ProcessingRecords.Processing processing(@PathVariable UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return records.of(dossierId);
    }
}

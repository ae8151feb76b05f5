package vn.khuyencong.workflow;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.dossier.DossierView;
import vn.khuyencong.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}")
@Tag(name = "Quy trình", description = "Các bước xử lý hồ sơ và lịch sử")
class TransitionController {

    private final DossierWorkflow workflow;
    private final DossierHistory history;
    private final Dossiers dossiers;

    TransitionController(DossierWorkflow workflow, DossierHistory history, Dossiers dossiers) {
        this.workflow = workflow;
        this.history = history;
        this.dossiers = dossiers;
    }

    record FireRequest(@NotNull(message = "Vui lòng chọn thao tác.") DossierEvent event,
            @Size(max = 4000, message = "Nội dung không quá 4000 ký tự.") String comment) {
    }

    @PostMapping("/transitions")
    @Operation(summary = "Thực hiện một bước của quy trình (nộp, tiếp nhận, yêu cầu bổ sung, phê duyệt, ...)")
    DossierView fire(@PathVariable UUID dossierId, @Valid @RequestBody FireRequest request, CurrentUser user) {
        return DossierView.of(workflow.fire(dossierId, request.event(), user, new TransitionRequest(request.comment())));
    }

    @GetMapping("/history")
    @Operation(summary = "Lịch sử xử lý hồ sơ")
    List<HistoryEntry> history(@PathVariable UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return history.of(dossierId);
    }
}

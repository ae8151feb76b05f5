package vn.khuyencong.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Hồ sơ", description = "Hồ sơ đề án khuyến công: tạo, lưu nháp, xem, hàng đợi xử lý")
class DossierController {

    private final Dossiers dossiers;
    private final DossierViews views;

    DossierController(Dossiers dossiers, DossierViews views) {
        this.dossiers = dossiers;
        this.views = views;
    }

    @PostMapping("/dossiers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo hồ sơ mới (bản nháp); có thể điền dần và lưu nhiều lần")
    ResponseEntity<DossierView> create(@Valid @RequestBody DossierForm form, CurrentUser user) {
        Dossier dossier = dossiers.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossier.id()))
                .eTag(String.valueOf(dossier.version()))
                .body(views.of(dossier, user));
    }

    @PutMapping("/dossiers/{id}")
    @Operation(summary = "Lưu bản nháp (hoặc nội dung bổ sung); If-Match mang phiên bản đã đọc")
    ResponseEntity<DossierView> update(
            @PathVariable UUID id,
            @Valid @RequestBody DossierForm form,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        Dossier dossier = dossiers.update(id, form, version(ifMatch), user);
        return ResponseEntity.ok().eTag(String.valueOf(dossier.version())).body(views.of(dossier, user));
    }

    @GetMapping("/dossiers")
    @Operation(summary = "Hồ sơ của tổ chức (doanh nghiệp) hoặc của cơ quan (cán bộ)")
    List<DossierView> list(CurrentUser user) {
        return dossiers.listVisible(user).stream().map(d -> views.of(d, user)).toList();
    }

    @GetMapping("/dossiers/{id}")
    @Operation(summary = "Chi tiết một hồ sơ")
    ResponseEntity<DossierView> get(@PathVariable UUID id, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(id, user);
        return ResponseEntity.ok().eTag(String.valueOf(dossier.version())).body(views.of(dossier, user));
    }

    @GetMapping("/queue")
    @Operation(summary = "Hàng đợi của cán bộ: hồ sơ của cơ quan theo trạng thái, hạn gần nhất trước")
    List<DossierView> queue(
            @RequestParam(required = false) DossierStatus status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false, defaultValue = "false") boolean unassigned,
            CurrentUser user) {
        user.requireAny(Role.REVIEWER, Role.APPROVER, Role.MONITOR, Role.ADMIN);
        String who = "me".equals(assignee) ? user.username() : assignee;
        return dossiers.queue(user, status, who, unassigned).stream()
                .map(d -> views.of(d, user))
                .toList();
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "Phiên bản hồ sơ không hợp lệ.");
        }
    }
}

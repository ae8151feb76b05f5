package vn.khuyencong.dossier;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.khuyencong.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/dossiers")
@Validated
@Tag(name = "Hồ sơ", description = "Hồ sơ đề án khuyến công của doanh nghiệp")
class DossierController {

    private final Dossiers dossiers;

    DossierController(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    record CreateDossierRequest(
            @NotBlank(message = "Vui lòng nhập tên đề án.") @Size(max = 500, message = "Tên đề án không quá 500 ký tự.") String title,
            @NotBlank(message = "Vui lòng chọn nội dung khuyến công.") String contentCode,
            @NotNull(message = "Vui lòng chọn chương trình khuyến công.") Programme programme,
            @NotNull(message = "Vui lòng nhập kinh phí đề nghị hỗ trợ.")
            @PositiveOrZero(message = "Kinh phí đề nghị hỗ trợ không được âm.")
            @Max(value = 1_000_000_000_000L, message = "Kinh phí đề nghị hỗ trợ vượt quá giới hạn.") Long requestedSupport) {
    }

    @PostMapping
    @Operation(summary = "Tạo hồ sơ mới (bản nháp)")
    ResponseEntity<DossierView> create(@Valid @RequestBody CreateDossierRequest request, CurrentUser user) {
        Dossier dossier = dossiers.create(new Dossiers.NewDossier(request.title(), request.contentCode(),
                request.programme(), request.requestedSupport()), user);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossier.id())).body(DossierView.of(dossier));
    }

    @GetMapping
    @Operation(summary = "Hồ sơ của tổ chức (doanh nghiệp) hoặc của cơ quan (cán bộ)")
    List<DossierView> list(CurrentUser user) {
        return dossiers.listVisible(user).stream().map(DossierView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Chi tiết một hồ sơ")
    DossierView get(@PathVariable UUID id, CurrentUser user) {
        return DossierView.of(dossiers.getVisible(id, user));
    }
}

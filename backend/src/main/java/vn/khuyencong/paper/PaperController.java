package vn.khuyencong.paper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;

@RestController
@Tag(name = "Giấy tờ", description = "Giấy tờ do hệ thống cấp cho hồ sơ (mẫu 01–05, quyết định) và xác thực công khai")
class PaperController {

    private static final Pattern CODE = Pattern.compile("^[A-Z]{2}-[0-9A-Z]{5}-[0-9A-Z]{5}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private final Papers papers;

    PaperController(Papers papers) {
        this.papers = papers;
    }

    @GetMapping("/api/v1/dossiers/{dossierId}/papers")
    @Operation(summary = "Giấy tờ đã cấp cho hồ sơ")
    List<Paper> list(@PathVariable UUID dossierId, CurrentUser user) {
        return papers.list(dossierId, user);
    }

    @GetMapping("/api/v1/dossiers/{dossierId}/papers/{paperId}/content")
    @Operation(summary = "Tải xuống giấy tờ (PDF)")
    ResponseEntity<InputStreamResource> content(
            @PathVariable UUID dossierId, @PathVariable UUID paperId, CurrentUser user) {
        Papers.Content content = papers.open(dossierId, paperId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(content.paper().sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.paper().code() + ".pdf")
                                .build()
                                .toString())
                .body(new InputStreamResource(content.stream()));
    }

    @PostMapping("/api/v1/dossiers/{dossierId}/papers/process-control")
    @Operation(summary = "Lập phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05) theo bước xử lý mới nhất")
    Paper processControl(@PathVariable UUID dossierId, CurrentUser user) {
        user.requireAny(Role.REVIEWER, Role.APPROVER, Role.MONITOR, Role.ADMIN);
        return papers.processControl(dossierId, user);
    }

    /** What the verification page shows: enough to match a paper in hand, no personal data. */
    record Verification(
            String code,
            PaperKind kind,
            String title,
            String form,
            String dossierCode,
            Instant issuedAt,
            String sha256,
            long sizeBytes,
            Boolean hashMatches) {}

    @GetMapping("/api/v1/public/papers/{paperCode}")
    @Operation(
            summary =
                    "Xác thực một giấy tờ theo mã in trên giấy (không cần đăng nhập); có sha256 thì đối chiếu mã băm của tệp")
    Verification verify(@PathVariable String paperCode, @RequestParam(required = false) String sha256) {
        String normalised = paperCode.strip().toUpperCase();
        Paper paper = (CODE.matcher(normalised).matches() ? papers.byCode(normalised) : Optional.<Paper>empty())
                .orElseThrow(() -> ProblemException.notFound(
                        "Không tìm thấy giấy tờ có mã này trong hệ thống. Giấy tờ có thể không do hệ thống cấp."));
        Boolean matches = null;
        if (sha256 != null && !sha256.isBlank()) {
            String given = sha256.strip().toLowerCase();
            if (!SHA256.matcher(given).matches() || !given.equals(paper.sha256())) {
                throw ProblemException.ruleViolated(
                        "paper-hash-mismatch",
                        "Mã băm không khớp với giấy tờ " + paper.code()
                                + " do hệ thống cấp: tệp đã bị thay đổi hoặc không phải bản do hệ thống cấp.");
            }
            matches = true;
        }
        return new Verification(
                paper.code(),
                paper.kind(),
                paper.title(),
                paper.form(),
                papers.dossierCode(paper),
                paper.issuedAt(),
                paper.sha256(),
                paper.sizeBytes(),
                matches);
    }
}

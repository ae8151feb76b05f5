package vn.khuyencong.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;

/**
 * A dossier's documents. An upload is read as a stream, part by part, straight into object storage: the form
 * fields ({@code documentType}, optionally {@code replaces}) must come before the {@code file} part, as a browser's
 * FormData sends them when appended in that order.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}")
@Tag(name = "Tài liệu", description = "Tài liệu, giấy tờ kèm theo hồ sơ")
class DocumentController {

    private final Documents documents;
    private final DocumentStorage storage;
    private final MultipartUploads uploads;

    DocumentController(Documents documents, DocumentStorage storage, MultipartUploads uploads) {
        this.documents = documents;
        this.storage = storage;
        this.uploads = uploads;
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Tải lên một tài liệu của hồ sơ",
            description =
                    "multipart/form-data với các trường documentType, replaces (tuỳ chọn, khi bổ sung phiên bản mới)"
                            + " rồi đến tệp file. Loại tệp được xác định theo nội dung.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = UploadForm.class)))
    // declaring one answer makes springdoc drop the generated success: it is declared too
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = Document.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Tệp không an toàn (unsafe-file) hoặc nhiễm mã độc (infected-file):" + " không được lưu",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Document> upload(@PathVariable UUID dossierId, HttpServletRequest request, CurrentUser user) {
        return created(dossierId, uploads.receive(dossierId, request, user, null));
    }

    private static ResponseEntity<Document> created(UUID dossierId, Document document) {
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossierId + "/documents/" + document.id()))
                .body(document);
    }

    /** The parts of an upload, for the API documentation. */
    @Schema(name = "DocumentUploadForm")
    record UploadForm(
            @Schema(description = "Mã loại giấy tờ trong danh mục", requiredMode = Schema.RequiredMode.REQUIRED)
            String documentType,

            @Schema(description = "Tài liệu được thay thế (bổ sung sau khi nộp)")
            UUID replaces,

            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
            String file) {}

    @GetMapping("/documents")
    @Operation(summary = "Danh sách tài liệu của hồ sơ (mọi phiên bản)")
    List<Document> list(@PathVariable UUID dossierId, CurrentUser user) {
        return documents.list(dossierId, user);
    }

    @GetMapping("/checklist")
    @Operation(summary = "Danh mục giấy tờ của hồ sơ: bắt buộc (đã có / còn thiếu) và tài liệu khác")
    Checklist checklist(@PathVariable UUID dossierId, CurrentUser user) {
        return documents.checklist(dossierId, user);
    }

    @DeleteMapping("/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Xoá một tài liệu của bản nháp")
    ResponseEntity<Void> delete(@PathVariable UUID dossierId, @PathVariable UUID documentId, CurrentUser user) {
        storage.delete(dossierId, documentId, user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/documents/{documentId}/content")
    @Operation(summary = "Tải xuống nội dung tài liệu")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "409",
            description = "Tài liệu chưa được quét virus (scan-pending) hoặc bị chặn vì có"
                    + " mã độc (document-quarantined): không tải xuống được",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<InputStreamResource> content(
            @PathVariable UUID dossierId, @PathVariable UUID documentId, CurrentUser user) {
        Documents.Content content = documents.open(dossierId, documentId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .contentLength(content.document().sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        DownloadNames.attachment(content.document().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(content.stream()));
    }
}

package vn.khuyencong.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;

/** Resumable uploads of large files in parts: start, send parts, ask what arrived, complete or cancel. */
@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}/uploads")
@Tag(name = "Tài liệu", description = "Tài liệu, giấy tờ kèm theo hồ sơ")
class UploadController {

    private final ResumableUploads uploads;
    private final DocumentProperties properties;

    UploadController(ResumableUploads uploads, DocumentProperties properties) {
        this.uploads = uploads;
        this.properties = properties;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bắt đầu tải lên theo từng phần (tệp lớn, tiếp tục được khi mất kết nối)")
    ResponseEntity<ResumableUploads.Status> start(
            @PathVariable UUID dossierId, @RequestBody ResumableUploads.Start request, CurrentUser user) {
        ResumableUploads.Status status = uploads.start(dossierId, request, user);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossierId + "/uploads/" + status.id()))
                .body(status);
    }

    @GetMapping("/{uploadId}")
    @Operation(summary = "Các phần đã nhận của một phiên tải lên (để tiếp tục sau khi mất kết nối)")
    ResumableUploads.Status status(@PathVariable UUID dossierId, @PathVariable UUID uploadId, CurrentUser user) {
        return uploads.status(dossierId, uploadId, user);
    }

    @PutMapping(path = "/{uploadId}/parts/{partNumber}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Gửi một phần của tệp (application/octet-stream, đúng kích thước phần đã công bố)")
    ResumableUploads.Status part(
            @PathVariable UUID dossierId,
            @PathVariable UUID uploadId,
            @PathVariable int partNumber,
            HttpServletRequest request,
            CurrentUser user)
            throws IOException {
        InputStream body = new UploadStreams.RateGuarded(
                request.getInputStream(),
                properties.minUploadRate().toBytes(),
                properties.slowUploadGrace().toNanos(),
                System::nanoTime);
        return uploads.putPart(dossierId, uploadId, partNumber, body, request.getContentLengthLong(), user);
    }

    @PostMapping("/{uploadId}/complete")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hoàn tất: ghép các phần, kiểm tra kích thước và SHA-256, lưu tài liệu")
    ResponseEntity<Document> complete(@PathVariable UUID dossierId, @PathVariable UUID uploadId, CurrentUser user) {
        Document document = uploads.complete(dossierId, uploadId, user);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossierId + "/documents/" + document.id()))
                .body(document);
    }

    @DeleteMapping("/{uploadId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Huỷ một phiên tải lên")
    ResponseEntity<Void> cancel(@PathVariable UUID dossierId, @PathVariable UUID uploadId, CurrentUser user) {
        uploads.cancel(dossierId, uploadId, user);
        return ResponseEntity.noContent().build();
    }
}

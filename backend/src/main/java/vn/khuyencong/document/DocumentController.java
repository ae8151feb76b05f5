package vn.khuyencong.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * A dossier's documents. An upload is read as a stream, part by part, straight into object storage: the form
 * fields ({@code documentType}, optionally {@code replaces}) must come before the {@code file} part, as a browser's
 * FormData sends them when appended in that order.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}")
@Tag(name = "Tài liệu", description = "Tài liệu, giấy tờ kèm theo hồ sơ")
class DocumentController {

    private static final int MAX_FIELD_LENGTH = 100;

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tải lên một tài liệu của hồ sơ",
            description = "multipart/form-data với các trường documentType, replaces (tuỳ chọn, khi bổ sung phiên bản mới)"
                    + " rồi đến tệp file. Loại tệp được xác định theo nội dung.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = UploadForm.class)))
    ResponseEntity<Document> upload(@PathVariable UUID dossierId, HttpServletRequest request, CurrentUser user)
            throws IOException {
        DocumentProperties settings = documents.properties();
        FileUpload parser = new FileUpload();
        parser.setFileCountMax(settings.maxRequestParts());
        parser.setPartHeaderSizeMax((int) settings.maxPartHeaderSize().toBytes());
        InputStream body = new UploadStreams.RateGuarded(request.getInputStream(), settings.minUploadRate().toBytes(),
                settings.slowUploadGrace().toNanos(), System::nanoTime);
        String documentType = null;
        UUID replaces = null;
        Document stored = null;
        try {
            FileItemIterator parts = parser.getItemIterator(new Body(request, body));
            int count = 0;
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                if (++count > settings.maxRequestParts()) {
                    throw new FileCountLimitExceededException("parts", settings.maxRequestParts());
                }
                if (part.isFormField()) {
                    String value = field(part);
                    switch (part.getFieldName()) {
                        case "documentType" -> documentType = value;
                        case "replaces" -> replaces = uuid(value);
                        default -> throw ProblemException.invalidField(part.getFieldName(), "Trường không được hỗ trợ.");
                    }
                }
                else if ("file".equals(part.getFieldName())) {
                    if (stored != null) {
                        documents.discard(stored.id());
                        stored = null;
                        throw ProblemException.invalidField("file", "Mỗi lần chỉ tải lên một tệp.");
                    }
                    Documents.Target target = documents.target(dossierId, documentType, replaces, user);
                    try (InputStream file = part.openStream()) {
                        stored = documents.upload(target, fileName(part), file, user);
                    }
                }
                else {
                    throw ProblemException.invalidField(part.getFieldName(), "Phần dữ liệu không được hỗ trợ.");
                }
            }
        }
        catch (FileCountLimitExceededException e) {
            throw ProblemException.invalidField("file", "Yêu cầu có quá nhiều phần (tối đa "
                    + settings.maxRequestParts() + "). Mỗi lần chỉ tải lên một tệp.");
        }
        catch (FileUploadException e) {
            throw malformed(e);
        }
        catch (IOException e) {
            if (stored != null) {
                // the file is stored; only the closing boundary was lost
                return created(dossierId, stored);
            }
            throw documents.interrupted(e);
        }
        if (stored == null) {
            documents.target(dossierId, documentType, replaces, user);
            throw ProblemException.invalidField("file", "Vui lòng chọn một tệp để tải lên.");
        }
        return created(dossierId, stored);
    }

    private ProblemException malformed(FileUploadException e) {
        if (UploadStreams.causedBy(e, UploadStreams.TooSlow.class) || UploadStreams.causedBy(e, UploadStreams.TooLarge.class)) {
            return documents.interrupted(new IOException(e));
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Header section")) {
            return ProblemException.invalidField("file", "Phần đầu (header) của một phần dữ liệu quá dài (tối đa "
                    + documents.properties().maxPartHeaderSize().toBytes() + " byte).");
        }
        return ProblemException.invalidField("file", "Dữ liệu tải lên không đúng định dạng multipart/form-data.");
    }

    private static ResponseEntity<Document> created(UUID dossierId, Document document) {
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossierId + "/documents/" + document.id()))
                .body(document);
    }

    /** The part's file name; the parser itself refuses a name with NUL in it. */
    private static String fileName(FileItemStream part) {
        try {
            return part.getName();
        }
        catch (org.apache.tomcat.util.http.fileupload.InvalidFileNameException e) {
            throw ProblemException.invalidField("file", "Tên tệp chứa ký tự điều khiển không được phép.");
        }
    }

    private static String field(FileItemStream part) throws IOException {
        try (InputStream in = part.openStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_LENGTH + 1);
            if (value.length > MAX_FIELD_LENGTH) {
                throw ProblemException.invalidField(part.getFieldName(), "Giá trị quá dài.");
            }
            return new String(value, StandardCharsets.UTF_8).strip();
        }
    }

    private static UUID uuid(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("replaces", "Mã tài liệu cần thay thế không hợp lệ.");
        }
    }

    /** The request as the multipart parser reads it: through the rate guard. */
    private record Body(HttpServletRequest request, InputStream stream) implements UploadContext {

        @Override
        public String getCharacterEncoding() {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : request.getCharacterEncoding();
        }

        @Override
        public String getContentType() {
            return request.getContentType();
        }

        @Override
        public InputStream getInputStream() {
            return stream;
        }

        @Override
        public long contentLength() {
            return request.getContentLengthLong();
        }
    }

    /** The parts of an upload, for the API documentation. */
    @Schema(name = "DocumentUploadForm")
    record UploadForm(@Schema(description = "Mã loại giấy tờ trong danh mục", requiredMode = Schema.RequiredMode.REQUIRED) String documentType,
            @Schema(description = "Tài liệu được thay thế (bổ sung sau khi nộp)") UUID replaces,
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
    }

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
    @Operation(summary = "Xoá một tài liệu của bản nháp")
    ResponseEntity<Void> delete(@PathVariable UUID dossierId, @PathVariable UUID documentId, CurrentUser user) {
        documents.delete(dossierId, documentId, user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/documents/{documentId}/content")
    @Operation(summary = "Tải xuống nội dung tài liệu")
    ResponseEntity<InputStreamResource> content(@PathVariable UUID dossierId, @PathVariable UUID documentId,
            CurrentUser user) {
        Documents.Content content = documents.open(dossierId, documentId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .contentLength(content.document().sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(content.stream()));
    }
}

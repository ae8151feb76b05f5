package vn.khuyencong.document;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khuyencong.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/dossiers/{dossierId}/documents")
@Tag(name = "Tài liệu", description = "Tài liệu, giấy tờ kèm theo hồ sơ")
class DocumentController {

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tải lên một tài liệu của hồ sơ")
    ResponseEntity<Document> upload(@PathVariable UUID dossierId,
            @RequestParam(name = "documentType", required = false) String documentType,
            @RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user) {
        Document document = documents.upload(dossierId, documentType, file, user);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossierId + "/documents/" + document.id()))
                .body(document);
    }

    @GetMapping
    @Operation(summary = "Danh sách tài liệu của hồ sơ")
    List<Document> list(@PathVariable UUID dossierId, CurrentUser user) {
        return documents.list(dossierId, user);
    }

    @GetMapping("/{documentId}/content")
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
                .body(new InputStreamResource(content.stream()));
    }
}

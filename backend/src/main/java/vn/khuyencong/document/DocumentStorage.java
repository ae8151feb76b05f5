package vn.khuyencong.document;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.io.input.TeeInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.DocumentType;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * Storing a dossier's documents and taking them back. The bytes stream to object storage under a random key while
 * their SHA-256 and size are computed on the way; the row is written UPLOADING first and becomes STORED once the
 * object is complete, inspected and scanned. No database transaction is held open while bytes travel.
 */
@Service
class DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(DocumentStorage.class);

    private final JdbcClient jdbc;
    private final DocumentRows rows;
    private final ObjectStore store;
    private final Dossiers dossiers;
    private final Catalog catalog;
    private final DocumentProperties properties;
    private final FileTypes fileTypes;
    private final VirusScanner scanner;
    private final List<FileInspection> inspections;

    private final Counter uploads;
    private final DistributionSummary uploadSizes;
    private final Map<ScanStatus, Counter> scans;

    DocumentStorage(
            JdbcClient jdbc,
            DocumentRows rows,
            ObjectStore store,
            Dossiers dossiers,
            Catalog catalog,
            DocumentProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.uploads = Counter.builder("kc.documents.uploads")
                .description("Documents stored")
                .register(meters);
        this.uploadSizes = DistributionSummary.builder("kc.documents.upload.size")
                .baseUnit("bytes")
                .description("Size of the documents stored")
                .register(meters);
        this.scans = Map.of(
                ScanStatus.CLEAN,
                scans(meters, "clean"),
                ScanStatus.INFECTED,
                scans(meters, "infected"),
                ScanStatus.PENDING,
                scans(meters, "failed"));
        this.store = store;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.properties = properties;
        this.fileTypes = new FileTypes(properties.allowedTypes());
        this.scanner = new ClamAvScanner(properties.scan());
        this.inspections = List.of(
                new PackageInspection(properties.inspection().packages()),
                new ImageInspection(properties.inspection().images().maxPixels()),
                new PdfInspection(properties.inspection().pdf()));
    }

    /**
     * A copy on disk of a file as it streams through, when its format is inspected, to inspect it before it is kept:
     * a package's central directory and a PDF's cross-reference table are at the end of the file, and their parts
     * are read from the copy in any order; an image is decoded from it.
     */
    Path inspectionCopy(String contentType) {
        if (inspectionOf(contentType).isEmpty()) {
            return null;
        }
        try {
            return Files.createTempFile("kc-inspect-", ".tmp");
        } catch (IOException e) {
            throw ProblemException.unavailable("Không kiểm tra được tệp lúc này. Vui lòng thử lại sau.");
        }
    }

    /**
     * Inspects the copy (if any); a refused file is removed from the store. The caller removes the copy once the
     * virus scanner has read it too.
     */
    void inspect(Path copy, String contentType, String fileName, String key) {
        if (copy == null) {
            return;
        }
        try {
            inspectionOf(contentType).orElseThrow().inspect(copy, contentType, fileName);
        } catch (ProblemException refused) {
            removeQuietly(key);
            throw refused;
        }
    }

    private Optional<FileInspection> inspectionOf(String contentType) {
        return inspections.stream()
                .filter(inspection -> inspection.applies(contentType))
                .findFirst();
    }

    /**
     * Refuses (415, field {@code file}) a file whose format the document type does not take: a budget is a
     * spreadsheet or a PDF, a signed letter a PDF or a scan of it.
     */
    static void checkFormat(Target target, String contentType, String fileName) {
        DocumentType type = target.type();
        if (!type.accepts(contentType)) {
            throw ProblemException.unsupportedMedia(
                    "file",
                    "Tệp \"" + fileName + "\" là " + FileTypes.label(contentType)
                            + ", nhưng " + type.name() + " chỉ nhận tệp "
                            + String.join(
                                    ", ",
                                    type.formats().stream()
                                            .map(FileTypes::label)
                                            .toList()) + ".");
        }
    }

    /** A file about to be uploaded to a dossier: everything known before its bytes arrive. */
    record Target(Dossier dossier, DocumentType type, UUID replaces) {

        String documentType() {
            return type.code();
        }
    }

    /** The catalogue's document type named by the request, or a 400 naming the field. */
    private DocumentType catalogued(String documentType) {
        if (documentType == null || documentType.isBlank()) {
            throw ProblemException.invalidField("documentType", "Vui lòng chọn loại giấy tờ.");
        }
        return catalog.documentType(documentType)
                .orElseThrow(
                        () -> ProblemException.invalidField("documentType", "Loại giấy tờ không có trong danh mục."));
    }

    /**
     * Checks that {@code user} may add a document of {@code documentType} to the dossier now.
     *
     * @throws ProblemException 404 when the dossier is not the user's to see, 409 when not the owner's or locked,
     *         400 when the type or the replaced document is wrong
     */
    Target target(UUID dossierId, String documentType, UUID replaces, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        DocumentChanges.UPLOAD.check(dossier, user);
        DocumentType type = catalogued(documentType);
        if (replaces != null) {
            Optional<Document> replaced =
                    rows.find(replaces).filter(d -> d.dossierId().equals(dossierId));
            if (replaced.isEmpty()) {
                throw ProblemException.invalidField(
                        "replaces", "Không tìm thấy tài liệu cần thay thế trong hồ sơ này.");
            }
            if (!replaced.get().documentType().equals(documentType)) {
                throw ProblemException.invalidField(
                        "replaces", "Phiên bản mới phải cùng loại giấy tờ với tài liệu được thay thế.");
            }
        }
        return new Target(dossier, type, replaces);
    }

    /**
     * Like {@link #target} for a document whose admission another module decides: the dossier visible to the user,
     * a type from the catalogue, then the module's own rule.
     */
    Target admitted(UUID dossierId, String documentType, CurrentUser user, UploadAdmission admission) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        DocumentType type = catalogued(documentType);
        admission.check(dossier, documentType);
        return new Target(dossier, type, null);
    }

    /**
     * Stores one file streamed from the client.
     *
     * @param content the file's bytes, read once, to the end
     */
    Document upload(Target target, String originalName, InputStream content, CurrentUser user) {
        String fileName = FileNames.clean(originalName);
        long max = properties.maxFileSize().toBytes();
        byte[] head = new byte[FileTypes.HEAD];
        int headLength;
        try {
            headLength = content.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw interrupted(e);
        }
        if (headLength == 0) {
            throw ProblemException.invalidField(
                    "file", "Tệp \"" + fileName + "\" đang trống. Vui lòng chọn một tệp có nội dung.");
        }
        if (headLength > max) {
            throw tooLarge();
        }
        String contentType = fileTypes.decide(head, headLength, fileName);
        checkFormat(target, contentType, fileName);

        UUID id = UUID.randomUUID();
        String key = Documents.KEY_PREFIX + UUID.randomUUID();
        rows.insertUploading(id, target, key, fileName, contentType, user.username());

        Path copy = inspectionCopy(contentType);
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), content);
        UploadStreams.Measured measured;
        try {
            measured = new UploadStreams.Measured(
                    copy == null ? body : new TeeInputStream(body, Files.newOutputStream(copy), true), max);
            store.put(key, measured, contentType);
        } catch (IOException e) {
            rows.forget(id);
            deleteQuietly(copy);
            throw interrupted(e);
        } catch (RuntimeException e) {
            rows.forget(id);
            deleteQuietly(copy);
            throw e;
        }
        try {
            try {
                inspect(copy, contentType, fileName, key);
            } catch (ProblemException refused) {
                rows.forget(id);
                throw refused;
            }
            return stored(id, key, measured.count(), measured.sha256(), copy);
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * Scans an uploaded object when scanning is on, then marks its row stored. Malware found is refused at once (422
     * {@code infected-file}) and nothing is kept: the object is removed and the row deleted. A scanner that cannot
     * answer leaves the document stored but {@link ScanStatus#PENDING}: nobody can download it and it blocks
     * submission until the scheduled retry has scanned it.
     */
    Document stored(UUID id, String key, long size, String sha256, Path copy) {
        VirusScanner.Verdict verdict =
                scanner.enabled() ? verdictOn(id, key, copy) : new VirusScanner.Verdict(ScanStatus.NOT_SCANNED, null);
        if (verdict.status() == ScanStatus.INFECTED) {
            String fileName = jdbc.sql("select file_name from document where id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            log.warn("Upload of document {} ({}) refused: {} found", id, fileName, verdict.detail());
            removeQuietly(key);
            rows.forget(id);
            throw infectedFile(fileName, verdict.detail());
        }
        try {
            jdbc.sql("""
                    update document set status = 'STORED', size_bytes = ?, sha256 = ?, scan_status = ?, scan_detail = ?
                    where id = ?""")
                    .params(size, sha256, verdict.status().name(), verdict.detail(), id)
                    .update();
        } catch (RuntimeException e) {
            // the object has no usable row: remove it now, or leave it to the orphan sweep
            removeQuietly(key);
            throw e;
        }
        uploads.increment();
        uploadSizes.record(size);
        return rows.find(id).orElseThrow();
    }

    /** Inserts the row of an object assembled from parts (resumable uploads), then treats it as stored. */
    Document storedFromParts(
            Target target,
            UUID id,
            String key,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String uploadedBy,
            Path copy) {
        try {
            rows.insertUploading(id, target, key, fileName, contentType, uploadedBy);
        } catch (RuntimeException e) {
            removeQuietly(key);
            throw e;
        }
        return stored(id, key, size, sha256, copy);
    }

    /**
     * Scans again a document that is still pending (the scanner could not answer when it arrived). Clean: it can be
     * downloaded. Infected: it is quarantined, its row kept as the record (name, SHA-256, signature) and flagged
     * {@link ScanStatus#INFECTED}, its object removed once the caller's transaction commits.
     *
     * @return what the scanner said, or {@link ScanStatus#PENDING} when it still cannot answer
     */
    VirusScanner.Verdict rescan(UUID id, String key) {
        VirusScanner.Verdict verdict = verdictOn(id, key, null);
        if (verdict.status() == ScanStatus.PENDING) {
            return verdict;
        }
        int updated = jdbc.sql("""
                update document set scan_status = ?, scan_detail = ?
                where id = ? and status = 'STORED' and scan_status = 'PENDING'""")
                .params(verdict.status().name(), verdict.detail(), id)
                .update();
        if (updated == 1 && verdict.status() == ScanStatus.INFECTED) {
            log.warn("Document {} quarantined: {} found; its object is removed", id, verdict.detail());
            afterCommit(() -> removeQuietly(key));
        }
        return verdict;
    }

    /**
     * What the scanner says of a stored object, read from its inspection copy when the upload has one (the same
     * bytes, not fetched again from the store): {@link ScanStatus#PENDING} when it cannot say now.
     */
    private VirusScanner.Verdict verdictOn(UUID id, String key, Path copy) {
        VirusScanner.Verdict verdict;
        try (InputStream in = copy != null ? Files.newInputStream(copy) : store.get(key)) {
            verdict = scanner.scan(in);
        } catch (IOException | RuntimeException e) {
            log.warn("Document {} could not be scanned now, it waits for the retry: {}", id, e.toString());
            verdict = new VirusScanner.Verdict(ScanStatus.PENDING, null);
        }
        scans.get(verdict.status()).increment();
        return verdict;
    }

    private static Counter scans(MeterRegistry meters, String result) {
        return Counter.builder("kc.documents.scans")
                .tag("result", result)
                .description("Virus scans of documents, by result (failed: the scanner could not answer)")
                .register(meters);
    }

    /** 422: the scanner found malware in an upload (or the file is too large or too deeply nested to scan whole). */
    static ProblemException infectedFile(String fileName, String signature) {
        String reason = signature.startsWith("Heuristics.Limits.Exceeded")
                ? "tệp quá lớn hoặc lồng nhiều lớp nén đến mức không quét virus hết được"
                : "phát hiện virus hoặc mã độc (" + signature + ")";
        String detail = "Tệp \"" + fileName + "\" không được chấp nhận: " + reason
                + ". Tệp không được lưu. Vui lòng quét virus trên máy của bạn rồi tải lên một tệp sạch.";
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "infected-file",
                "Tệp nhiễm mã độc",
                detail,
                List.of(new ProblemException.FieldProblem("file", detail)),
                Map.of("fileName", fileName, "signature", signature));
    }

    boolean scanningEnabled() {
        return scanner.enabled();
    }

    /** The dossier, if the caller may see it; otherwise 404. */
    Dossier visible(UUID dossierId, CurrentUser user) {
        return dossiers.getVisible(dossierId, user);
    }

    /** Deletes a document of a draft; after submission documents are kept, and supplements add versions. */
    void delete(UUID dossierId, UUID documentId, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        String key = rows.storedKey(documentId, dossierId);
        DocumentChanges.DELETE.check(dossier, user);
        int versions = jdbc.sql("select count(*) from document where replaces_id = ?")
                .param(documentId)
                .query(Integer.class)
                .single();
        if (versions > 0) {
            throw ProblemException.ruleViolated(
                    "documents-immutable", "Tài liệu đã có phiên bản thay thế, không được xoá.");
        }
        // of two deletions at once, the second finds the row gone: it is told so, as if it had come later
        if (jdbc.sql("delete from document where id = ?").param(documentId).update() == 0) {
            throw ProblemException.notFound("Không tìm thấy tài liệu.");
        }
        afterCommit(() -> removeQuietly(key));
    }

    /**
     * Runs once the caller's transaction has committed (a request with an Idempotency-Key runs in one), or at once
     * outside a transaction: an object is not removed for a row whose removal may still roll back.
     */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Takes back a document just stored by a request that then turned out to be invalid. */
    void discard(UUID id) {
        jdbc.sql("select object_key from document where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .ifPresent(key -> {
                    jdbc.sql("delete from document where id = ?").param(id).update();
                    removeQuietly(key);
                });
    }

    /** Removes an inspection copy; one left behind is logged and left to the system's temp cleaning. */
    static void deleteQuietly(Path copy) {
        if (copy != null) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                log.warn("Inspection copy {} not removed: {}", copy, e.toString());
            }
        }
    }

    void removeQuietly(String key) {
        try {
            store.remove(key);
        } catch (RuntimeException ignored) {
            // left for the orphan sweep
        }
    }

    ProblemException tooLarge() {
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "file-too-large",
                "Tệp quá lớn",
                "Tệp vượt quá dung lượng cho phép ("
                        + megabytes(properties.maxFileSize().toBytes()) + ").",
                List.of(new ProblemException.FieldProblem(
                        "file",
                        "Không quá " + megabytes(properties.maxFileSize().toBytes()) + ".")),
                Map.of("maxBytes", properties.maxFileSize().toBytes()));
    }

    /** What a failed read of the client's stream means for the client. */
    ProblemException interrupted(IOException e) {
        if (UploadStreams.causedBy(e, UploadStreams.TooLarge.class)) {
            return tooLarge();
        }
        if (UploadStreams.causedBy(e, UploadStreams.TooSlow.class)) {
            return new ProblemException(
                    HttpStatus.REQUEST_TIMEOUT,
                    "upload-too-slow",
                    "Tải lên quá chậm",
                    "Kết nối gửi dữ liệu quá chậm nên việc tải lên đã bị dừng. Vui lòng thử lại khi mạng ổn định hơn,"
                            + " hoặc dùng tải lên theo từng phần để tiếp tục được khi mất kết nối.",
                    List.of(new ProblemException.FieldProblem("file", "Tải lên bị dừng vì quá chậm.")),
                    Map.of());
        }
        return ProblemException.invalidField("file", "Việc tải tệp lên bị gián đoạn. Vui lòng thử lại.");
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)) + " MB" : bytes + " byte";
    }

    DocumentProperties properties() {
        return properties;
    }

    FileTypes fileTypes() {
        return fileTypes;
    }
}

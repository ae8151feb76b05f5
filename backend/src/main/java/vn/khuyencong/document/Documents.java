package vn.khuyencong.document;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.tika.Tika;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * Uploading, listing and reading a dossier's documents. The bytes go to object storage under a random key while
 * their SHA-256 and size are computed on the way; the metadata row is written only once the object is stored.
 */
@Service
public class Documents {

    /** Types decided by the bytes, never by the file name or the declared Content-Type. */
    static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private static final String COLUMNS = """
            id, dossier_id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at""";

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final Dossiers dossiers;
    private final Catalog catalog;
    private final Clock clock;
    private final Tika tika = new Tika();

    Documents(JdbcClient jdbc, ObjectStore store, Dossiers dossiers, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public Document upload(UUID dossierId, String documentType, MultipartFile file, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        if (!dossier.organisationId().equals(user.organisationId())) {
            throw ProblemException.ruleViolated("owner-only", "Chỉ tổ chức nộp hồ sơ mới được tải tài liệu lên.");
        }
        if (dossier.status() != DossierStatus.DRAFT && dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw ProblemException.ruleViolated("documents-locked",
                    "Hồ sơ đã nộp: chỉ được bổ sung tài liệu khi cơ quan yêu cầu bổ sung.");
        }
        return store(dossierId, documentType, file, user);
    }

    /**
     * Stores a document of a dossier the user can see, whatever the dossier's stage: for the modules that decide
     * themselves who may add documents later on (evidence of progress, inspection photos, acceptance minutes).
     */
    @Transactional
    public Document attach(UUID dossierId, String documentType, MultipartFile file, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return store(dossierId, documentType, file, user);
    }

    /** Whether {@code documentId} is a document of {@code dossierId}. */
    public boolean belongsTo(UUID documentId, UUID dossierId) {
        return jdbc.sql("select count(*) from document where id = ? and dossier_id = ?").params(documentId, dossierId)
                .query(Integer.class).single() > 0;
    }

    private Document store(UUID dossierId, String documentType, MultipartFile file, CurrentUser user) {
        if (documentType == null || catalog.documentType(documentType).isEmpty()) {
            throw ProblemException.invalidField("documentType", "Loại giấy tờ không có trong danh mục.");
        }
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "Tệp tải lên đang trống. Vui lòng chọn một tệp có nội dung.");
        }
        String fileName = FileNames.clean(file.getOriginalFilename());
        String contentType = detect(file);
        if (!ALLOWED_TYPES.contains(contentType)) {
            throw ProblemException.unsupportedMedia("file",
                    "Chỉ chấp nhận tệp PDF, JPEG hoặc PNG. Nội dung tệp \"" + fileName + "\" không thuộc các loại này.");
        }

        String key = "documents/" + UUID.randomUUID();
        MessageDigest sha256 = sha256();
        long size;
        try (CountingInputStream counted = new CountingInputStream(new DigestInputStream(file.getInputStream(), sha256))) {
            store.put(key, counted, contentType);
            size = counted.count;
        }
        catch (IOException e) {
            throw ProblemException.invalidField("file", "Không đọc được tệp tải lên. Vui lòng thử lại.");
        }

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into document (id, dossier_id, document_type, object_key, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, dossierId, documentType, key, fileName, contentType, size,
                            HexFormat.of().formatHex(sha256.digest()), user.username(), Timestamp.from(now))
                    .update();
        }
        catch (RuntimeException e) {
            removeQuietly(key);
            throw e;
        }
        return find(id).orElseThrow();
    }

    public List<Document> list(UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return jdbc.sql("select " + COLUMNS + " from document where dossier_id = ? order by uploaded_at")
                .param(dossierId).query(Document.class).list();
    }

    /** The document types a dossier has at least one file for: what the required-documents rule checks. */
    public Set<String> presentTypes(UUID dossierId) {
        return Set.copyOf(jdbc.sql("select distinct document_type from document where dossier_id = ?")
                .param(dossierId).query(String.class).list());
    }

    /** Opens a document's content for someone allowed to see its dossier. */
    public Content open(UUID dossierId, UUID documentId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        String key = jdbc.sql("select object_key from document where id = ? and dossier_id = ?")
                .params(documentId, dossierId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy tài liệu."));
        Document document = find(documentId).orElseThrow();
        return new Content(document, store.get(key));
    }

    public record Content(Document document, InputStream stream) {
    }

    Optional<Document> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id).query(Document.class).optional();
    }

    private String detect(MultipartFile file) {
        try (InputStream in = new BufferedInputStream(file.getInputStream())) {
            return tika.detect(in);
        }
        catch (IOException e) {
            throw ProblemException.invalidField("file", "Không đọc được tệp tải lên. Vui lòng thử lại.");
        }
    }

    private void removeQuietly(String key) {
        try {
            store.remove(key);
        }
        catch (RuntimeException ignored) {
            // left for the orphan sweep
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingInputStream extends FilterInputStream {

        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

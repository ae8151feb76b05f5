package vn.khuyencong.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.Rows;

/**
 * The {@code document} table: a row is written UPLOADING before its object's bytes travel (so a crash leaves
 * something the sweep can find) and only a STORED row is ever read as a document.
 */
@Component
class DocumentRows {

    private static final Logger log = LoggerFactory.getLogger(DocumentRows.class);

    private static final String COLUMNS = """
            id, dossier_id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,
            replaces_id, scan_status, integrity_failed_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes the row of an object about to be (or just) written under {@code key}, marked UPLOADING. */
    void insertUploading(
            UUID id,
            DocumentStorage.Target target,
            String key,
            String fileName,
            String contentType,
            String uploadedBy) {
        jdbc.sql("""
                insert into document (id, dossier_id, document_type, object_key, file_name, content_type, uploaded_by,
                                      uploaded_at, replaces_id, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'UPLOADING')""")
                .params(
                        id,
                        target.dossier().id(),
                        target.documentType(),
                        key,
                        fileName,
                        contentType,
                        uploadedBy,
                        Timestamp.from(clock.instant()),
                        target.replaces())
                .update();
    }

    /** Deletes a row still UPLOADING; one that cannot be deleted now is left to the sweep. */
    void forget(UUID id) {
        try {
            jdbc.sql("delete from document where id = ? and status = 'UPLOADING'")
                    .param(id)
                    .update();
        } catch (RuntimeException e) {
            log.warn("Row {} left in UPLOADING for the sweep: {}", id, e.toString());
        }
    }

    Optional<Document> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = ? and status = 'STORED'")
                .param(id)
                .query(Rows.of(Document.class))
                .optional();
    }

    /** The stored documents of a dossier, oldest first, every version. */
    List<Document> storedOf(UUID dossierId) {
        return jdbc.sql("select " + COLUMNS
                        + " from document where dossier_id = ? and status = 'STORED' order by uploaded_at, id")
                .param(dossierId)
                .query(Rows.of(Document.class))
                .list();
    }

    /** The object key of a stored document of the dossier, or 404. */
    String storedKey(UUID documentId, UUID dossierId) {
        return jdbc.sql("select object_key from document where id = ? and dossier_id = ? and status = 'STORED'")
                .params(documentId, dossierId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy tài liệu."));
    }
}

package vn.khuyencong.document;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * A dossier's documents as the other modules and the API see them: listing, reading and downloading them, its
 * checklist, and storing a document the service itself holds. Uploads are stored by {@link DocumentStorage}.
 */
@Service
public class Documents {

    static final String KEY_PREFIX = "documents/";

    private final JdbcClient jdbc;
    private final DocumentRows rows;
    private final DocumentStorage storage;
    private final Checklists checklists;
    private final ObjectStore store;
    private final Dossiers dossiers;

    Documents(
            JdbcClient jdbc,
            DocumentRows rows,
            DocumentStorage storage,
            Checklists checklists,
            ObjectStore store,
            Dossiers dossiers) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.storage = storage;
        this.checklists = checklists;
        this.store = store;
        this.dossiers = dossiers;
    }

    /**
     * Stores a document whose bytes the service itself holds (a demo dataset), under the same rules and checks as
     * an upload by {@code user}.
     */
    public Document store(UUID dossierId, String documentType, String fileName, InputStream content, CurrentUser user) {
        return storage.upload(storage.target(dossierId, documentType, null, user), fileName, content, user);
    }

    /** Whether {@code documentId} is a stored document of {@code dossierId}. */
    public boolean belongsTo(UUID documentId, UUID dossierId) {
        return rows.find(documentId)
                .filter(document -> document.dossierId().equals(dossierId))
                .isPresent();
    }

    /** The stored documents of a dossier, oldest first, every version. */
    public List<Document> list(UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return rows.storedOf(dossierId);
    }

    /** The types of the documents stored for the dossier (what a receipt lists). */
    public Set<String> presentTypes(UUID dossierId) {
        return Set.copyOf(
                jdbc.sql("select distinct document_type from document where dossier_id = ? and status = 'STORED'")
                        .param(dossierId)
                        .query(String.class)
                        .list());
    }

    /** The dossier's checklist: the required types of its content, then the optional extras, in catalogue order. */
    public Checklist checklist(UUID dossierId, CurrentUser user) {
        return checklist(dossiers.getVisible(dossierId, user));
    }

    /** The checklist of a dossier the caller has already been allowed to see (the workflow's rules). */
    public Checklist checklist(Dossier dossier) {
        return checklists.checklist(dossier);
    }

    /** The names of the catalogue's document types, by code. */
    public String typeName(String code) {
        return checklists.typeName(code);
    }

    /** The dossier's current documents (not replaced by a newer version) the scanner found infected. */
    public List<Document> infected(UUID dossierId) {
        return current(dossierId, ScanStatus.INFECTED);
    }

    /** The dossier's current documents still waiting for the virus scanner (it could not answer yet). */
    public List<Document> awaitingScan(UUID dossierId) {
        return current(dossierId, ScanStatus.PENDING);
    }

    private List<Document> current(UUID dossierId, ScanStatus scanStatus) {
        List<Document> all = rows.storedOf(dossierId);
        Set<UUID> replaced = new HashSet<>();
        all.forEach(d -> {
            if (d.replacesId() != null) {
                replaced.add(d.replacesId());
            }
        });
        return all.stream()
                .filter(d -> d.scanStatus() == scanStatus && !replaced.contains(d.id()))
                .toList();
    }

    /**
     * Opens a document's content for someone allowed to see its dossier: never one the scanner has not passed yet
     * (409 {@code scan-pending}) or found infected (409 {@code document-quarantined}).
     */
    public Content open(UUID dossierId, UUID documentId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        String key = rows.storedKey(documentId, dossierId);
        Document document = rows.find(documentId).orElseThrow();
        if (document.scanStatus() == ScanStatus.PENDING) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "scan-pending",
                    "Tài liệu đang chờ quét virus",
                    "Tệp \"" + document.fileName() + "\" chưa được quét virus nên chưa tải xuống được. Hệ thống tự quét"
                            + " lại sau ít phút; vui lòng thử lại sau.",
                    List.of(),
                    Map.of("fileName", document.fileName()));
        }
        if (document.scanStatus() == ScanStatus.INFECTED) {
            String signature = jdbc.sql("select coalesce(scan_detail, '') from document where id = ?")
                    .param(documentId)
                    .query(String.class)
                    .single();
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "document-quarantined",
                    "Tài liệu bị chặn vì có mã độc",
                    "Tệp \"" + document.fileName() + "\" bị chặn: phát hiện virus hoặc mã độc (" + signature
                            + "). Tệp đã bị cách ly và không tải xuống được.",
                    List.of(),
                    Map.of("fileName", document.fileName(), "signature", signature));
        }
        return new Content(document, store.get(key));
    }

    public record Content(Document document, InputStream stream) {}
}

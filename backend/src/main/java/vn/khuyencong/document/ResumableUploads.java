package vn.khuyencong.document;

import io.minio.messages.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.Rows;

/**
 * Large files in parts, resumable after a dropped connection (see the ADR on resumable uploads). A session is one
 * S3 multipart upload: the client declares the file's size and SHA-256, sends parts of the announced size in any
 * order (resending a part replaces it), asks which parts arrived after an interruption, and completes. Completion
 * checks that the parts add up to the declared size, re-reads the assembled object to check its SHA-256, and only
 * then writes the document's row.
 */
@Service
class ResumableUploads {

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final DocumentStorage storage;
    private final Clock clock;

    ResumableUploads(JdbcClient jdbc, ObjectStore store, DocumentStorage storage, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.storage = storage;
        this.clock = clock;
    }

    record Start(String documentType, String fileName, Long size, String sha256, UUID replaces) {}

    /**
     * Where a session stands.
     *
     * @param partSize the size of every part but the last
     * @param partCount how many parts make the file
     * @param receivedParts the part numbers already stored, ascending
     * @param receivedBytes how many bytes of the file arrived
     */
    record Status(
            UUID id,
            UUID dossierId,
            String documentType,
            String fileName,
            long size,
            String sha256,
            int partSize,
            int partCount,
            List<Integer> receivedParts,
            long receivedBytes,
            Instant expiresAt) {}

    private record Session(
            UUID id,
            UUID dossierId,
            String documentType,
            UUID replacesId,
            String objectKey,
            String s3UploadId,
            String fileName,
            String contentType,
            long totalSize,
            String sha256,
            int partSize,
            String createdBy,
            Instant expiresAt) {

        int partCount() {
            return (int) ((totalSize + partSize - 1) / partSize);
        }

        long expectedSize(int partNumber) {
            return partNumber < partCount() ? partSize : totalSize - (long) partSize * (partCount() - 1);
        }
    }

    Status start(UUID dossierId, Start request, CurrentUser user) {
        DocumentStorage.Target target = storage.target(dossierId, request.documentType(), request.replaces(), user);
        String fileName = FileNames.clean(request.fileName());
        long max = storage.properties().maxFileSize().toBytes();
        if (request.size() == null || request.size() <= 0) {
            throw ProblemException.invalidField(
                    "size", "Tệp \"" + fileName + "\" đang trống. Vui lòng chọn một tệp có nội dung.");
        }
        if (request.size() > max) {
            throw storage.tooLarge();
        }
        if (request.sha256() == null || !request.sha256().matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.invalidField("sha256", "Mã SHA-256 của tệp phải gồm 64 ký tự thập lục phân.");
        }
        int partSize = (int) storage.properties().partSize().toBytes();
        UUID id = UUID.randomUUID();
        String key = Documents.KEY_PREFIX + UUID.randomUUID();
        String uploadId = store.createMultipart(key);
        Instant now = clock.instant();
        Instant expires = now.plus(storage.properties().uploadSessionValidity());
        try {
            jdbc.sql("""
                    insert into document_upload (id, dossier_id, document_type, replaces_id, object_key, s3_upload_id,
                           file_name, total_size, sha256, part_size, created_by, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            dossierId,
                            target.documentType(),
                            target.replaces(),
                            key,
                            uploadId,
                            fileName,
                            request.size(),
                            request.sha256().toLowerCase(),
                            partSize,
                            user.username(),
                            Timestamp.from(now),
                            Timestamp.from(expires))
                    .update();
        } catch (RuntimeException e) {
            store.abortQuietly(key, uploadId);
            throw e;
        }
        return status(session(dossierId, id, user));
    }

    Status status(UUID dossierId, UUID uploadId, CurrentUser user) {
        return status(session(dossierId, uploadId, user));
    }

    /**
     * Stores one part, read to its exact announced size.
     *
     * @param declaredLength the request's {@code Content-Length}, or -1 when it is sent in chunks: a part whose
     *        declared length is not the part's size is refused before its body is read
     */
    Status putPart(
            UUID dossierId, UUID uploadId, int partNumber, InputStream body, long declaredLength, CurrentUser user) {
        Session session = session(dossierId, uploadId, user);
        DocumentStorage.Target target = storage.target(dossierId, session.documentType(), session.replacesId(), user);
        if (partNumber < 1 || partNumber > session.partCount()) {
            throw ProblemException.invalidField(
                    "partNumber", "Số thứ tự phần phải từ 1 đến " + session.partCount() + ".");
        }
        int expected = (int) session.expectedSize(partNumber);
        if (declaredLength >= 0 && declaredLength != expected) {
            throw partsDoNotAddUp("Phần " + partNumber + " phải có đúng " + expected + " byte, yêu cầu khai báo "
                    + declaredLength + " byte.");
        }
        byte[] data = new byte[expected];
        int read;
        boolean extra;
        try {
            read = body.readNBytes(data, 0, expected);
            extra = read == expected && body.read() >= 0;
        } catch (IOException e) {
            throw storage.interrupted(e);
        }
        if (read != expected || extra) {
            throw partsDoNotAddUp("Phần " + partNumber + " phải có đúng " + expected + " byte.");
        }
        if (partNumber == 1) {
            try {
                String type = storage.fileTypes().decide(data, Math.min(read, FileTypes.HEAD), session.fileName());
                DocumentStorage.checkFormat(target, type, session.fileName());
                jdbc.sql("update document_upload set content_type = ? where id = ?")
                        .params(type, uploadId)
                        .update();
            } catch (ProblemException refused) {
                cancel(session);
                throw refused;
            }
        }
        Part part = store.uploadPart(session.objectKey(), session.s3UploadId(), partNumber, data, read);
        jdbc.sql("""
                insert into document_upload_part (upload_id, part_number, size_bytes, etag) values (?, ?, ?, ?)
                on conflict (upload_id, part_number) do update set size_bytes = excluded.size_bytes, etag = excluded.etag""").params(uploadId, partNumber, (long) read, part.etag()).update();
        return status(session);
    }

    /** Assembles the parts into the document, once they all arrived and add up to the declared file. */
    Document complete(UUID dossierId, UUID uploadId, CurrentUser user) {
        Session session = session(dossierId, uploadId, user);
        DocumentStorage.Target target = storage.target(dossierId, session.documentType(), session.replacesId(), user);
        List<Part> parts = jdbc.sql(
                        "select part_number, etag from document_upload_part where upload_id = ? order by part_number")
                .param(uploadId)
                .query((rs, row) -> new Part(rs.getInt("part_number"), rs.getString("etag")))
                .list();
        long received = receivedBytes(uploadId);
        if (parts.size() != session.partCount() || received != session.totalSize()) {
            throw partsDoNotAddUp("Mới nhận " + parts.size() + "/" + session.partCount() + " phần (" + received + "/"
                    + session.totalSize() + " byte). Vui lòng gửi các phần còn thiếu rồi hoàn tất.");
        }
        String contentType = jdbc.sql("select content_type from document_upload where id = ?")
                .param(uploadId)
                .query(String.class)
                .single();
        store.completeMultipart(session.objectKey(), session.s3UploadId(), parts);
        UploadStreams.Measured measured;
        Path copy = storage.inspectionCopy(contentType);
        try (InputStream in = store.get(session.objectKey());
                OutputStream out = copy == null ? OutputStream.nullOutputStream() : Files.newOutputStream(copy)) {
            measured = new UploadStreams.Measured(in, Long.MAX_VALUE);
            measured.transferTo(out);
        } catch (IOException e) {
            DocumentStorage.deleteQuietly(copy);
            throw ProblemException.unavailable(
                    "Kho lưu trữ tài liệu tạm thời không truy cập được. Vui lòng thử lại sau.");
        }
        jdbc.sql("delete from document_upload where id = ?").param(uploadId).update();
        if (measured.count() != session.totalSize() || !measured.sha256().equals(session.sha256())) {
            storage.removeQuietly(session.objectKey());
            DocumentStorage.deleteQuietly(copy);
            throw partsDoNotAddUp(
                    "Các phần đã gửi không khớp với tệp gốc (SHA-256 khác). Vui lòng tải lên lại từ đầu.");
        }
        // a refused package is removed from the store; its upload session is already gone
        try {
            storage.inspect(copy, contentType, session.fileName(), session.objectKey());
            return storage.storedFromParts(
                    target,
                    UUID.randomUUID(),
                    session.objectKey(),
                    session.fileName(),
                    contentType,
                    measured.count(),
                    measured.sha256(),
                    session.createdBy(),
                    copy);
        } finally {
            DocumentStorage.deleteQuietly(copy);
        }
    }

    void cancel(UUID dossierId, UUID uploadId, CurrentUser user) {
        cancel(session(dossierId, uploadId, user));
    }

    private void cancel(Session session) {
        store.abortQuietly(session.objectKey(), session.s3UploadId());
        jdbc.sql("delete from document_upload where id = ?").param(session.id()).update();
    }

    /** Sessions past their validity: the multipart upload is aborted, the session forgotten. */
    int expire() {
        List<Session> expired = jdbc.sql("select * from document_upload where expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .query(Rows.of(Session.class))
                .list();
        expired.forEach(this::cancel);
        return expired.size();
    }

    /** A session of the caller's organisation, on this dossier; anything else is reported as missing. */
    private Session session(UUID dossierId, UUID uploadId, CurrentUser user) {
        storage.visible(dossierId, user);
        return jdbc.sql("""
                select u.* from document_upload u join dossier d on d.id = u.dossier_id
                where u.id = ? and u.dossier_id = ? and d.organisation_id = ? and u.expires_at > ?""")
                .params(uploadId, dossierId, user.organisationId(), Timestamp.from(clock.instant()))
                .query(Rows.of(Session.class))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy phiên tải lên (có thể đã hết hạn)."));
    }

    private Status status(Session session) {
        List<Integer> received = jdbc.sql(
                        "select part_number from document_upload_part where upload_id = ? order by part_number")
                .param(session.id())
                .query(Integer.class)
                .list();
        return new Status(
                session.id(),
                session.dossierId(),
                session.documentType(),
                session.fileName(),
                session.totalSize(),
                session.sha256(),
                session.partSize(),
                session.partCount(),
                received,
                receivedBytes(session.id()),
                session.expiresAt());
    }

    private long receivedBytes(UUID uploadId) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from document_upload_part where upload_id = ?")
                .param(uploadId)
                .query(Long.class)
                .single();
    }

    private static ProblemException partsDoNotAddUp(String detail) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "upload-parts-mismatch",
                "Các phần tải lên không khớp",
                detail,
                List.of(new ProblemException.FieldProblem("file", detail)),
                Map.of());
    }
}

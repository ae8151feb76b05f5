package vn.khuyencong.document;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.stereotype.Component;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * Reads a multipart upload as a stream, part by part, straight into object storage: the form fields
 * ({@code documentType}, optionally {@code replaces}) must come before the {@code file} part, as a browser's FormData
 * sends them when appended in that order. Used by the dossier's own documents and by the modules that add
 * documents later under their own rule ({@link UploadAdmission}).
 */
@Component
public class MultipartUploads {

    private static final int MAX_FIELD_LENGTH = 100;

    private final DocumentStorage storage;

    MultipartUploads(DocumentStorage storage) {
        this.storage = storage;
    }

    /**
     * Stores the request's one file.
     *
     * @param admission who may add the document, or null for the dossier's own documents (owner, draft or
     *        supplement, with versions through {@code replaces})
     */
    public Document receive(UUID dossierId, HttpServletRequest request, CurrentUser user, UploadAdmission admission) {
        DocumentProperties settings = storage.properties();
        if (request.getContentLengthLong() > settings.maxFileSize().toBytes() + envelope(settings)) {
            // refused before a byte of the body is read: the connection closes after the answer
            throw storage.tooLarge();
        }
        FileUpload parser = new FileUpload();
        parser.setFileCountMax(settings.maxRequestParts());
        parser.setPartHeaderSizeMax((int) settings.maxPartHeaderSize().toBytes());
        InputStream body;
        try {
            body = new UploadStreams.RateGuarded(
                    request.getInputStream(),
                    settings.minUploadRate().toBytes(),
                    settings.slowUploadGrace().toNanos(),
                    System::nanoTime);
        } catch (IOException e) {
            throw storage.interrupted(e);
        }
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
                if (part.isFormField() && "file".equals(part.getFieldName())) {
                    throw ProblemException.invalidField(
                            "file",
                            "Phần \"file\" không có tên tệp (filename)."
                                    + " Vui lòng chọn tệp để tải lên; tên tệp được gửi kèm nội dung.");
                }
                if (part.isFormField()) {
                    String value = field(part);
                    switch (part.getFieldName()) {
                        case "documentType" -> documentType = value;
                        case "replaces" -> replaces = admission == null ? uuid(value) : unsupported(part);
                        default ->
                            throw ProblemException.invalidField(part.getFieldName(), "Trường không được hỗ trợ.");
                    }
                } else if ("file".equals(part.getFieldName())) {
                    if (stored != null) {
                        storage.discard(stored.id());
                        stored = null;
                        throw ProblemException.invalidField("file", "Mỗi lần chỉ tải lên một tệp.");
                    }
                    DocumentStorage.Target target = target(dossierId, documentType, replaces, user, admission);
                    try (InputStream file = part.openStream()) {
                        stored = storage.upload(target, fileName(part), file, user);
                    }
                } else {
                    throw ProblemException.invalidField(part.getFieldName(), "Phần dữ liệu không được hỗ trợ.");
                }
            }
        } catch (FileCountLimitExceededException e) {
            throw ProblemException.invalidField(
                    "file",
                    "Yêu cầu có quá nhiều phần (tối đa " + settings.maxRequestParts()
                            + "). Mỗi lần chỉ tải lên một tệp.");
        } catch (FileUploadException e) {
            throw malformed(e);
        } catch (IOException e) {
            if (stored != null) {
                // the file is stored; only the closing boundary was lost
                return stored;
            }
            throw storage.interrupted(e);
        }
        if (stored == null) {
            target(dossierId, documentType, replaces, user, admission);
            throw ProblemException.invalidField("file", "Vui lòng chọn một tệp để tải lên.");
        }
        return stored;
    }

    /**
     * The most bytes a request may carry around its one file: every allowed part's headers, its form fields and
     * the boundaries between them. A request longer than the file limit and this is refused by its length alone.
     */
    static long envelope(DocumentProperties settings) {
        return settings.maxRequestParts() * (settings.maxPartHeaderSize().toBytes() + MAX_FIELD_LENGTH + 2L * 80);
    }

    private DocumentStorage.Target target(
            UUID dossierId, String documentType, UUID replaces, CurrentUser user, UploadAdmission admission) {
        return admission == null
                ? storage.target(dossierId, documentType, replaces, user)
                : storage.admitted(dossierId, documentType, user, admission);
    }

    private ProblemException malformed(FileUploadException e) {
        if (UploadStreams.causedBy(e, UploadStreams.TooSlow.class)
                || UploadStreams.causedBy(e, UploadStreams.TooLarge.class)) {
            return storage.interrupted(new IOException(e));
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Header section")) {
            return ProblemException.invalidField(
                    "file",
                    "Phần đầu (header) của một phần dữ liệu quá dài (tối đa "
                            + storage.properties().maxPartHeaderSize().toBytes() + " byte).");
        }
        return ProblemException.invalidField("file", "Dữ liệu tải lên không đúng định dạng multipart/form-data.");
    }

    /** The part's file name; the parser itself refuses a name with NUL in it. */
    private static String fileName(FileItemStream part) {
        try {
            return part.getName();
        } catch (InvalidFileNameException e) {
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
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("replaces", "Mã tài liệu cần thay thế không hợp lệ.");
        }
    }

    private static UUID unsupported(FileItemStream part) {
        throw ProblemException.invalidField(part.getFieldName(), "Trường không được hỗ trợ.");
    }

    /** The request as the multipart parser reads it: through the rate guard. */
    private record Body(HttpServletRequest request, InputStream stream) implements UploadContext {

        @Override
        public String getCharacterEncoding() {
            return request.getCharacterEncoding() == null
                    ? StandardCharsets.UTF_8.name()
                    : request.getCharacterEncoding();
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
}

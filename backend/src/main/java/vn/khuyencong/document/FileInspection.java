package vn.khuyencong.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.khuyencong.shared.ProblemException;

/**
 * A look into a file of one family of formats (ZIP-based documents, images, PDF) from a copy on disk, before the file
 * is kept: it returns when the file is safe to hand to an officer and throws {@link #refused} otherwise.
 */
interface FileInspection {

    /** Whether this inspection looks into files of {@code contentType}. */
    boolean applies(String contentType);

    /** Returns when the copy is safe to keep; throws a 422 {@code unsafe-file} problem naming the reason otherwise. */
    void inspect(Path copy, String contentType, String fileName);

    /** The refusal of an unsafe file: 422 {@code unsafe-file}, naming the file and the reason, in Vietnamese. */
    static ProblemException refused(String fileName, String reason) {
        String detail = "Tệp \"" + fileName + "\" không được chấp nhận: " + reason + ".";
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unsafe-file",
                "Tệp không an toàn",
                detail,
                List.of(new ProblemException.FieldProblem("file", detail)),
                Map.of("fileName", fileName));
    }
}

package vn.khuyencong.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the user is told about as an RFC 9457 problem detail: a stable type, a Vietnamese detail,
 * and, for validation, the fields at fault.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, Object> properties;

    public ProblemException(
            HttpStatus status,
            String type,
            String title,
            String detail,
            List<FieldProblem> fieldProblems,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.properties = Map.copyOf(properties);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", detail, List.of(), Map.of());
    }

    public static ProblemException invalid(String detail, List<FieldProblem> fields) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, "validation", "Dữ liệu không hợp lệ", detail, fields, Map.of());
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(message, List.of(new FieldProblem(field, message)));
    }

    /** A workflow or business rule refused the request; {@code rule} names it for clients. */
    public static ProblemException ruleViolated(String rule, String detail) {
        return new ProblemException(
                HttpStatus.CONFLICT,
                "rule-violated",
                "Không thực hiện được thao tác",
                detail,
                List.of(),
                Map.of("rule", rule));
    }

    /** A rule refused the request because of these fields (e.g. an incomplete form at submission). */
    public static ProblemException ruleViolated(String rule, String detail, List<FieldProblem> fields) {
        return new ProblemException(
                HttpStatus.CONFLICT,
                "rule-violated",
                "Không thực hiện được thao tác",
                detail,
                fields,
                Map.of("rule", rule));
    }

    /** Another request changed the object first (its version moved on): the caller reloads and decides again. */
    public static ProblemException conflict(String detail) {
        return conflict("concurrent-change", detail, List.of());
    }

    /** Another request got there first, and {@code rule} says what it took (a number, the one allowed record...). */
    public static ProblemException conflict(String rule, String detail, List<FieldProblem> fields) {
        return new ProblemException(
                HttpStatus.CONFLICT, "conflict", "Xung đột dữ liệu", detail, fields, Map.of("rule", rule));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Dịch vụ tạm thời gián đoạn",
                detail,
                List.of(),
                Map.of());
    }

    public static ProblemException unsupportedMedia(String field, String detail) {
        return new ProblemException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-file-type",
                "Loại tệp không được chấp nhận",
                detail,
                List.of(new FieldProblem(field, detail)),
                Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return Problems.type(type);
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One bad field: its name as the client sent it, and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}

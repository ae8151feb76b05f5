package vn.khuyencong.shared;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Every error leaves as an RFC 9457 problem detail in Vietnamese, never with a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Map<Integer, String[]> GENERIC = Map.of(
            400, new String[] {"bad-request", "Yêu cầu không hợp lệ", "Yêu cầu không hợp lệ."},
            404, new String[] {"not-found", "Không tìm thấy", "Không tìm thấy địa chỉ hoặc tài nguyên được yêu cầu."},
            405,
                    new String[] {
                        "method-not-allowed",
                        "Phương thức không được hỗ trợ",
                        "Phương thức HTTP này không được hỗ trợ cho địa chỉ được yêu cầu."
                    },
            406,
                    new String[] {
                        "not-acceptable",
                        "Không đáp ứng được định dạng",
                        "Không thể trả về dữ liệu theo định dạng được yêu cầu."
                    },
            413,
                    new String[] {
                        "payload-too-large", "Dữ liệu quá lớn", "Tệp hoặc yêu cầu vượt quá dung lượng cho phép."
                    },
            415,
                    new String[] {
                        "unsupported-media-type",
                        "Định dạng không được hỗ trợ",
                        "Định dạng nội dung của yêu cầu không được hỗ trợ."
                    },
            500, new String[] {"internal", "Lỗi hệ thống", "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau."},
            503,
                    new String[] {
                        "unavailable", "Dịch vụ tạm thời gián đoạn", "Dịch vụ tạm thời gián đoạn. Vui lòng thử lại sau."
                    });

    /**
     * A refused body that is too large was not read, or not to its end: the connection is closed after the answer,
     * so that the client is told at once instead of the server reading (and discarding) the rest first.
     */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.CONTENT_TOO_LARGE) {
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(Problems.of(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Không có quyền",
                        "Bạn không có quyền thực hiện thao tác này."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Chưa đăng nhập",
                        "Bạn cần đăng nhập để thực hiện thao tác này."));
    }

    /** Two writers met in the database: the loser's transaction is rolled back and it is told so. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> handleDataAccess(DataAccessException e) {
        return DatabaseConflicts.of(e)
                .map(conflict -> {
                    log.info(
                            "Concurrent write refused: {}",
                            e.getMostSpecificCause().getMessage());
                    return handleProblem(conflict);
                })
                .orElseGet(() -> handleUnexpected(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        String[] generic = GENERIC.get(500);
        return ResponseEntity.internalServerError()
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, generic[0], generic[1], generic[2]));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new ProblemException.FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Dữ liệu không hợp lệ",
                "Có " + errors.size() + " trường chưa hợp lệ. Vui lòng kiểm tra lại.");
        return ResponseEntity.badRequest().headers(headers).body(Problems.withErrors(problem, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        if (field == null) {
            field = coercedField(ex);
        }
        if (field != null && outOfRange(ex)) {
            String message = "Giá trị là một số quá lớn hoặc không phải số nguyên.";
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Dữ liệu không hợp lệ",
                    "Trường \"" + field + "\": " + message);
            return ResponseEntity.badRequest()
                    .headers(headers)
                    .body(Problems.withErrors(problem, List.of(new ProblemException.FieldProblem(field, message))));
        }
        if (field != null) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Dữ liệu không hợp lệ",
                    "Trường \"" + field + "\" có giá trị sai kiểu dữ liệu.");
            return ResponseEntity.badRequest()
                    .headers(headers)
                    .body(Problems.withErrors(
                            problem,
                            List.of(new ProblemException.FieldProblem(
                                    field,
                                    "Giá trị không đúng kiểu dữ liệu hoặc không nằm trong danh sách cho phép."))));
        }
        return ResponseEntity.badRequest()
                .headers(headers)
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed-body",
                        "Nội dung yêu cầu không đọc được",
                        "Nội dung yêu cầu không phải JSON hợp lệ."));
    }

    /** A number in valid JSON that does not fit its field (1e30 for a size in bytes). */
    private static boolean outOfRange(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InputCoercionException) {
                return true;
            }
        }
        return false;
    }

    /** The name of the field whose number the parser could not fit (it reports no path of its own). */
    private static String coercedField(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InputCoercionException coercion && coercion.processor() instanceof JsonParser parser) {
                return parser.currentName();
            }
        }
        return null;
    }

    /** The JSON path of the value that could not be read into its field, when the body itself was valid JSON. */
    private static String fieldOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            boolean unfit = t instanceof MismatchedInputException || t instanceof DatabindException && outOfRange(t);
            if (unfit && t instanceof JacksonException read && !read.getPath().isEmpty()) {
                return read.getPath().stream()
                        .map(ref ->
                                ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                        .collect(java.util.stream.Collectors.joining("."));
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String[] generic = GENERIC.get(413);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .headers(headers)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, generic[0], generic[1], generic[2]));
    }

    /** Spring's own exceptions (unknown route, wrong method, ...) get a Vietnamese title and detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            String[] generic = GENERIC.getOrDefault(statusCode.value(), GENERIC.get(400));
            problem.setType(Problems.type(generic[0]));
            problem.setTitle(generic[1]);
            problem.setDetail(generic[2]);
        }
        return response;
    }
}

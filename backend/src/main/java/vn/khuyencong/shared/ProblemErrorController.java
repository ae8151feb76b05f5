package vn.khuyencong.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a request rejected by the firewall, a failure in a filter) are still
 * answered as problem details in Vietnamese, without a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = switch (status) {
            case BAD_REQUEST ->
                Problems.of(
                        status,
                        "bad-request",
                        "Yêu cầu không hợp lệ",
                        "Yêu cầu không hợp lệ (địa chỉ hoặc nội dung không đúng định dạng).");
            case NOT_FOUND ->
                Problems.of(
                        status, "not-found", "Không tìm thấy", "Không tìm thấy địa chỉ hoặc tài nguyên được yêu cầu.");
            case CONTENT_TOO_LARGE ->
                Problems.of(
                        status,
                        "payload-too-large",
                        "Dữ liệu quá lớn",
                        "Tệp hoặc yêu cầu vượt quá dung lượng cho phép.");
            default ->
                status.is4xxClientError()
                        ? Problems.of(
                                status, "client-error", "Yêu cầu không được chấp nhận", "Yêu cầu không được chấp nhận.")
                        : Problems.of(
                                status, "internal", "Lỗi hệ thống", "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.");
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(String.valueOf(uri).replace(" ", "%20")));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

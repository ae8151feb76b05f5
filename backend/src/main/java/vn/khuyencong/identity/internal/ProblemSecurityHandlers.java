package vn.khuyencong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.Problems;

/** A missing or bad token, or a forbidden action, answered as a problem detail (security runs before MVC). */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenPresent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                tokenPresent ? "invalid-token" : "unauthorized",
                tokenPresent ? "Phiên đăng nhập không hợp lệ" : "Chưa đăng nhập",
                tokenPresent
                        ? "Mã truy cập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại."
                        : "Bạn cần đăng nhập để thực hiện thao tác này.",
                request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Không có quyền",
                "Bạn không có quyền thực hiện thao tác này.",
                request);
    }

    /** A refusal of the identity module decided before MVC (claims that cannot be honoured, onboarding first). */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemException e) throws IOException {
        ProblemDetail problem = Problems.of(e);
        problem.setInstance(URI.create(request.getRequestURI()));
        Problems.write(response, problem, json);
    }

    private void write(
            HttpServletResponse response,
            HttpStatus status,
            String slug,
            String title,
            String detail,
            HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = Problems.of(status, slug, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        Problems.write(response, problem, json);
    }
}

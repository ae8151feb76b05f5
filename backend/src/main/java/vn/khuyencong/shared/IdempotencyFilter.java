package vn.khuyencong.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on mutating JSON requests of the API: the first response is kept (per user and key) and
 * replayed to a retry with the same payload; a different payload under the same key gets 422, a retry while the
 * first is still running gets 409. The record is claimed in its own statement before the request runs, so two
 * concurrent copies cannot both run. Uploads carry their own resumable protocol and are not covered.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_BODY = 1024 * 1024;
    static final Duration KEPT = Duration.ofHours(24);
    /** A claim older than this whose request never finished (the instance died) may be taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyFilter(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return request.getHeader(HEADER) == null || !MUTATING.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            problem(response, HttpStatus.BAD_REQUEST, "idempotency-key", "Khoá Idempotency-Key không hợp lệ",
                    "Khoá Idempotency-Key phải có từ 1 đến 200 ký tự.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Dữ liệu quá lớn",
                    "Nội dung yêu cầu vượt quá dung lượng cho phép.");
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String principal = authentication == null ? "anonymous" : authentication.getName();
        String hash = hash(request, body);

        if (!claim(principal, key, hash)) {
            replayOrRefuse(principal, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), cached);
            if (cached.getStatus() < 500) {
                jdbc.sql("update idempotency_record set status = ?, content_type = ?, body = ? where principal = ? and key = ?")
                        .params(cached.getStatus(), cached.getContentType(),
                                new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8), principal, key)
                        .update();
                kept = true;
            }
        }
        finally {
            if (!kept) {
                // a failure of ours is not an answer: the client may retry with the same key
                jdbc.sql("delete from idempotency_record where principal = ? and key = ?").params(principal, key).update();
            }
            cached.copyBodyToResponse();
        }
    }

    private boolean claim(String principal, String key, String hash) {
        jdbc.sql("delete from idempotency_record where principal = ? and key = ? and status is null and created_at < now() - make_interval(secs => ?)")
                .params(principal, key, ABANDONED.toSeconds()).update();
        return jdbc.sql("insert into idempotency_record (principal, key, request_hash) values (?, ?, ?) on conflict do nothing")
                .params(principal, key, hash).update() == 1;
    }

    private void replayOrRefuse(String principal, String key, String hash, HttpServletResponse response)
            throws IOException {
        var stored = jdbc.sql("select request_hash, status, content_type, body from idempotency_record where principal = ? and key = ?")
                .params(principal, key)
                .query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3), rs.getString(4) })
                .optional();
        if (stored.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "idempotency-in-flight", "Yêu cầu đang được xử lý",
                    "Yêu cầu với khoá này vừa được xử lý xong hoặc bị huỷ. Vui lòng thử lại.");
            return;
        }
        Object[] row = stored.get();
        if (!hash.equals(row[0])) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Khoá đã dùng cho yêu cầu khác",
                    "Khoá Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.");
            return;
        }
        if (row[1] == null) {
            response.setHeader("Retry-After", "1");
            problem(response, HttpStatus.CONFLICT, "idempotency-in-flight", "Yêu cầu đang được xử lý",
                    "Yêu cầu giống hệt đang được xử lý. Vui lòng chờ giây lát rồi tải lại.");
            return;
        }
        response.setStatus((Integer) row[1]);
        if (row[2] != null) {
            response.setContentType((String) row[2]);
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setCharacterEncoding("UTF-8");
        if (row[3] != null) {
            response.getOutputStream().write(((String) row[3]).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        Problems.write(response, Problems.of(status, slug, title, detail), json);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read to hash it; the application reads it again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

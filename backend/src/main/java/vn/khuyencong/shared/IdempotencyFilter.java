package vn.khuyencong.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.shared.IdempotencyRecords.Stored;

/**
 * {@code Idempotency-Key} on mutating JSON requests of the API, per user and key (uploads carry their own resumable
 * protocol and are not covered). A request with a key runs inside one database transaction that also records its
 * answer, so the change and the answer are committed together or not at all:
 * <ol>
 * <li>The transaction first takes a transaction-scoped advisory lock on (user, key). If another transaction holds
 * it, a copy of the request is still running: 409 with {@code Retry-After: 1}.
 * <li>An answer recorded under the key is replayed ({@code Idempotent-Replayed: true}) to the same method, path and
 * body (a JSON body compared in canonical form: whitespace and the order of members do not count), and a
 * different payload under the same key is refused with 422.
 * <li>Otherwise the request runs and joins the transaction (the use cases' {@code @Transactional} methods take part
 * in it); its response is held in memory. An answer below 400 is recorded (status, content type, body) in the same
 * transaction, which then commits, and only after the commit is the response sent. A refusal (4xx), a server error
 * or a transaction marked rollback-only is rolled back with everything the request did, and nothing is recorded:
 * a refusal changed nothing, so a retry with the same key is judged again, with the same payload or a corrected
 * one (say, a submission refused for a missing document, retried once it is uploaded).
 * </ol>
 * After-commit work (the event publication registry's listeners) runs after this commit. If recording the answer or
 * the commit fails, the client gets 503 and retries with the same key: the retry replays the answer if the commit
 * happened after all, and runs the request if not. An instance that dies mid-request takes its database session
 * with it, and with the session its lock and its uncommitted work, so a retry runs at once. The body is read (at
 * most 1 MiB) before the transaction begins and the response is sent after it ends, so a slow client holds no
 * connection. Answers are kept {@link IdempotencyRecords#KEPT} ({@link IdempotencyKeysCleanup}).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_BODY = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyRecords records;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    IdempotencyFilter(IdempotencyRecords records, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.records = records;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return request.getHeader(HEADER) == null
                || !MUTATING.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            problem(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "idempotency-key",
                    "Khoá Idempotency-Key không hợp lệ",
                    "Khoá Idempotency-Key phải có từ 1 đến 200 ký tự.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    "Dữ liệu quá lớn",
                    "Nội dung yêu cầu vượt quá dung lượng cho phép.");
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String principal = authentication == null ? "anonymous" : authentication.getName();

        Map<String, List<String>> headersBefore = headers(response);
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        Attempt attempt =
                new Attempt(principal, key, hash(request, body), new CachedBodyRequest(request, body), cached, chain);
        Outcome outcome;
        try {
            outcome = transactions.execute(attempt::run);
        } catch (ChainFailed e) {
            e.rethrow();
            return;
        } catch (RuntimeException e) {
            switch (attempt.stage) {
                case RUNNING -> throw e;
                case REFUSED -> {
                    // the rollback failed, which leaves nothing committed: a refusal stands, a success does not
                    if (cached.getStatus() >= 400) {
                        cached.copyBodyToResponse();
                    } else {
                        startOver(response, headersBefore);
                        problem(
                                response,
                                HttpStatus.INTERNAL_SERVER_ERROR,
                                "internal",
                                "Lỗi hệ thống",
                                "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.");
                    }
                    return;
                }
                case RECORDING -> {
                    log.warn(
                            "The answer to {} {} with an idempotency key could not be committed",
                            request.getMethod(),
                            request.getRequestURI(),
                            e);
                    startOver(response, headersBefore);
                    response.setHeader("Retry-After", "1");
                    problem(
                            response,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "idempotency-not-committed",
                            "Chưa xác nhận được kết quả",
                            "Không xác nhận được việc lưu kết quả của yêu cầu. Vui lòng gửi lại yêu cầu với cùng khoá"
                                    + " Idempotency-Key: nếu yêu cầu đã được thực hiện, kết quả sẽ được trả lại; nếu"
                                    + " chưa, yêu cầu sẽ được thực hiện.");
                    return;
                }
                default -> {
                    log.warn(
                            "No transaction for {} {} with an idempotency key",
                            request.getMethod(),
                            request.getRequestURI(),
                            e);
                    response.setHeader("Retry-After", "1");
                    problem(
                            response,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "unavailable",
                            "Dịch vụ tạm thời gián đoạn",
                            "Dịch vụ tạm thời gián đoạn. Vui lòng thử lại sau.");
                    return;
                }
            }
        }
        switch (outcome.kind()) {
            case IN_FLIGHT -> {
                response.setHeader("Retry-After", "1");
                problem(
                        response,
                        HttpStatus.CONFLICT,
                        "idempotency-in-flight",
                        "Yêu cầu đang được xử lý",
                        "Yêu cầu giống hệt đang được xử lý. Vui lòng chờ giây lát rồi tải lại.");
            }
            case KEY_REUSED ->
                problem(
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Khoá đã dùng cho yêu cầu khác",
                        "Khoá Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.");
            case REPLAYED -> replay(outcome.stored(), response);
            case ANSWERED -> cached.copyBodyToResponse();
            case UNDONE -> {
                // a success whose transaction was marked for rollback (a use case caught its own failure)
                log.error(
                        "{} {} answered {} but its transaction was marked for rollback",
                        request.getMethod(),
                        request.getRequestURI(),
                        cached.getStatus());
                startOver(response, headersBefore);
                problem(
                        response,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Lỗi hệ thống",
                        "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.");
            }
        }
    }

    /** The transaction of one request with a key: lock, look up, run, record. */
    private final class Attempt {

        private final String principal;
        private final String key;
        private final String hash;
        private final HttpServletRequest request;
        private final ContentCachingResponseWrapper response;
        private final FilterChain chain;
        private Stage stage = Stage.LOOKING_UP;

        Attempt(
                String principal,
                String key,
                String hash,
                HttpServletRequest request,
                ContentCachingResponseWrapper response,
                FilterChain chain) {
            this.principal = principal;
            this.key = key;
            this.hash = hash;
            this.request = request;
            this.response = response;
            this.chain = chain;
        }

        Outcome run(TransactionStatus transaction) {
            if (!records.claim(principal, key)) {
                transaction.setRollbackOnly();
                return new Outcome(Outcome.Kind.IN_FLIGHT, null);
            }
            Optional<Stored> stored = records.find(principal, key);
            if (stored.isPresent()) {
                transaction.setRollbackOnly();
                return new Outcome(
                        hash.equals(stored.get().requestHash()) ? Outcome.Kind.REPLAYED : Outcome.Kind.KEY_REUSED,
                        stored.get());
            }
            stage = Stage.RUNNING;
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                throw new ChainFailed(e);
            }
            if (response.getStatus() >= 400 || transaction.isRollbackOnly()) {
                stage = Stage.REFUSED;
                boolean undone = transaction.isRollbackOnly() && response.getStatus() < 400;
                transaction.setRollbackOnly();
                return new Outcome(undone ? Outcome.Kind.UNDONE : Outcome.Kind.ANSWERED, null);
            }
            stage = Stage.RECORDING;
            records.complete(
                    principal,
                    key,
                    new Stored(
                            hash,
                            response.getStatus(),
                            response.getContentType(),
                            new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));
            return new Outcome(Outcome.Kind.ANSWERED, null);
        }
    }

    /** How far a request's transaction got: what an exception out of it means for the answer. */
    private enum Stage {
        /** Beginning, locking, looking up: the request has not run. */
        LOOKING_UP,
        /** The request is running; an exception is its own. */
        RUNNING,
        /** The request answered with a refusal or an error; the transaction is to roll back. */
        REFUSED,
        /** The request succeeded; its answer is being recorded and committed. */
        RECORDING
    }

    private record Outcome(Kind kind, Stored stored) {

        enum Kind {
            IN_FLIGHT,
            KEY_REUSED,
            REPLAYED,
            ANSWERED,
            UNDONE
        }
    }

    /** What the request itself threw, carried through the transaction (which rolls back) to be thrown again. */
    private static final class ChainFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ChainFailed(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            switch (getCause()) {
                case IOException e -> throw e;
                case ServletException e -> throw e;
                case RuntimeException e -> throw e;
                default -> throw new IllegalStateException(getCause());
            }
        }
    }

    private void replay(Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setCharacterEncoding("UTF-8");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        Problems.write(response, Problems.of(status, slug, title, detail), json);
    }

    /** The headers set before the request ran (request id, trace id, CORS), to keep them on another answer. */
    private static Map<String, List<String>> headers(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        return headers;
    }

    /** Forgets what the request set on the response (status, its headers); nothing of it was sent. */
    private static void startOver(HttpServletResponse response, Map<String, List<String>> headersBefore) {
        response.reset();
        headersBefore.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }

    /** The request as judged for "the same payload": a JSON body in canonical form, any other body as its bytes. */
    private static String hash(HttpServletRequest request, byte[] body) {
        MessageDigest digest = IdempotencyRecords.sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(canonical(request.getContentType(), body));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * The same JSON with other whitespace, another order of members or other escapes of the same characters is the
     * same payload; a body that is not JSON is compared byte for byte.
     */
    static byte[] canonical(String contentType, byte[] body) {
        try {
            if (contentType == null
                    || body.length == 0
                    || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
                return body;
            }
            Object value = CANONICAL.readValue(body, Object.class);
            return CANONICAL.writeValueAsBytes(value);
        } catch (JacksonException | IllegalArgumentException e) {
            return body;
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
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

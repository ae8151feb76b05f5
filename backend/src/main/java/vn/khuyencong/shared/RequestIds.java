package vn.khuyencong.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has an id, written in each log line about it ({@code requestId}) and sent back in
 * {@code X-Request-Id}: the proxy's id when it sends a well-formed one (nginx's {@code $request_id}), so the proxy's
 * access log and every instance's log name the same request; a new one otherwise. The trace id (from an incoming
 * W3C {@code traceparent}, or new) is sent back in {@code X-Trace-Id}, so a user or the frontend can quote it and
 * the logs of every instance the trace crossed can be searched for it. Runs inside the HTTP observation, which
 * opens the trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String TRACE_HEADER = "X-Trace-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            response.setHeader(TRACE_HEADER, traceId);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}

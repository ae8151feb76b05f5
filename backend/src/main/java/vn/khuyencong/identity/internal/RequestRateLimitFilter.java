package vn.khuyencong.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.shared.Problems;
import vn.khuyencong.shared.RateLimits;

/**
 * Rate limits by request, before any other work, answered with 429 and {@code Retry-After}: failed sign-ins per
 * client address and per account name, registrations per client address, password reset requests per client
 * address and per account name or address typed, the public dossier look-up per client
 * address, and the public statistics and open data per client address (configured here by path, so the tracking and
 * statistics modules know nothing of it). The state is in PostgreSQL, shared by every instance.
 */
class RequestRateLimitFilter extends OncePerRequestFilter {

    private static final String SIGN_IN_KEYS = RequestRateLimitFilter.class.getName() + ".signIn";

    private final RateLimits limits;
    private final SecuritySettings.RateLimitSettings settings;
    private final SecurityEvents events;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    private final RequestMatcher signIn =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private final RequestMatcher registration =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, RegistrationController.PATH);
    private final RequestMatcher passwordReset =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PasswordResetController.FORGOT);
    private final RequestMatcher publicLookup =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/public/dossiers/**");
    private final RequestMatcher publicStatistics = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/public/statistics"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/public/open-data/**"));

    RequestRateLimitFilter(
            RateLimits limits,
            SecuritySettings.RateLimitSettings settings,
            SecurityEvents events,
            ITemplateEngine templates,
            JsonMapper json) {
        this.limits = limits;
        this.settings = settings;
        this.events = events;
        this.templates = templates;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (signIn.matches(request)) {
            String account = UserAccounts.normalise(request.getParameter("username"));
            RateLimits.Decision byClient = limits.tryConsume(settings.signInPerClient(), client);
            if (!byClient.allowed()) {
                throttled(request, response, byClient, account);
                return;
            }
            RateLimits.Decision byAccount = limits.tryConsume(settings.signInPerAccount(), account);
            if (!byAccount.allowed()) {
                limits.giveBack(settings.signInPerClient(), client);
                throttled(request, response, byAccount, account);
                return;
            }
            request.setAttribute(SIGN_IN_KEYS, new String[] {client, account});
        } else if (registration.matches(request)) {
            RateLimits.Decision decision = limits.tryConsume(settings.registration(), client);
            if (!decision.allowed()) {
                page(response, decision, "Có quá nhiều lượt đăng ký từ địa chỉ mạng của bạn.", "/register");
                return;
            }
        } else if (passwordReset.matches(request)) {
            RateLimits.Decision decision = limits.tryConsume(settings.passwordResetByClient(), client);
            String account = UserAccounts.normalise(request.getParameter(PasswordResetController.ACCOUNT));
            if (decision.allowed() && !account.isEmpty()) {
                RateLimits.Decision byAccount = limits.tryConsume(settings.passwordResetByAccount(), account);
                if (!byAccount.allowed()) {
                    limits.giveBack(settings.passwordResetByClient(), client);
                    decision = byAccount;
                }
            }
            if (!decision.allowed()) {
                page(response, decision, "Có quá nhiều yêu cầu đặt lại mật khẩu.", PasswordResetController.FORGOT);
                return;
            }
        } else if (publicLookup.matches(request)) {
            RateLimits.Decision decision = limits.tryConsume(settings.publicLookup(), client);
            if (!decision.allowed()) {
                problem(request, response, decision, "tra cứu");
                return;
            }
        } else if (publicStatistics.matches(request)) {
            RateLimits.Decision decision = limits.tryConsume(settings.publicStatistics(), client);
            if (!decision.allowed()) {
                problem(request, response, decision, "số liệu thống kê");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A successful sign-in does not count against the limits. */
    void signInSucceeded(HttpServletRequest request) {
        if (request.getAttribute(SIGN_IN_KEYS) instanceof String[] keys) {
            limits.giveBack(settings.signInPerClient(), keys[0]);
            limits.giveBack(settings.signInPerAccount(), keys[1]);
        }
    }

    private void throttled(
            HttpServletRequest request, HttpServletResponse response, RateLimits.Decision decision, String account)
            throws IOException {
        events.record(
                SecurityEvents.Type.SIGN_IN_THROTTLED,
                account,
                null,
                request.getRemoteAddr(),
                Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
        page(response, decision, "Có quá nhiều lần đăng nhập không thành công.", "/login");
    }

    private void page(HttpServletResponse response, RateLimits.Decision decision, String message, String back)
            throws IOException {
        Context context = new Context(java.util.Locale.forLanguageTag("vi"));
        context.setVariable("message", message);
        context.setVariable("minutes", Math.max(1, (decision.retryAfterSeconds() + 59) / 60));
        context.setVariable("back", back);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(templates.process("too-many-requests", context));
    }

    private void problem(
            HttpServletRequest request, HttpServletResponse response, RateLimits.Decision decision, String what)
            throws IOException {
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Quá nhiều yêu cầu",
                "Bạn đã gửi quá nhiều yêu cầu " + what + ". Vui lòng thử lại sau " + decision.retryAfterSeconds()
                        + " giây.");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        Problems.write(response, problem, json);
    }
}

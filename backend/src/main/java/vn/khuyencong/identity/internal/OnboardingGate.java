package vn.khuyencong.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the token is verified and before anything else of the API: a person signed in by an external issuer whose
 * organisation claims cannot be honoured gets the problem naming the claim; one with onboarding still to do (an
 * enterprise person without an organisation, an officer without a known agency) reaches only the steps of the
 * onboarding, and every other endpoint says what to do first. Nothing of the request is read or changed before.
 */
final class OnboardingGate extends OncePerRequestFilter {

    /** What a person still onboarding may call: who am I, register the organisation, accept an invitation. */
    static final Set<String> ONBOARDING_STEPS =
            Set.of("GET /api/v1/me", "POST /api/v1/me/organisation", "POST /api/v1/me/invitation");

    /** What anyone may read, the registration step's communes among it, and the person's own notices. */
    static final List<String> READABLE_MEANWHILE =
            java.util.List.of("/api/v1/public/", "/api/v1/catalog/", "/api/v1/notifications");

    private final ProblemSecurityHandlers problems;

    OnboardingGate(ProblemSecurityHandlers problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ExternalAccounts.SignedIn> external = SecurityConfiguration.UserAuthentication.currentExternal();
        if (external.isPresent()) {
            ExternalAccounts.SignedIn signedIn = external.get();
            if (signedIn.problem() != null) {
                problems.write(request, response, signedIn.problem());
                return;
            }
            String step = request.getMethod() + " " + request.getRequestURI();
            boolean readable = "GET".equals(request.getMethod())
                            && READABLE_MEANWHILE.stream().anyMatch(request.getRequestURI()::startsWith)
                    || request.getRequestURI().startsWith("/api/v1/public/");
            if (signedIn.onboarding() != null && !ONBOARDING_STEPS.contains(step) && !readable) {
                problems.write(
                        request,
                        response,
                        switch (signedIn.onboarding()) {
                            case ORGANISATION_REQUIRED ->
                                ExternalAccounts.forbidden(
                                        "organisation-required",
                                        "Tài khoản chưa gắn với tổ chức nào: hãy đăng ký thông tin tổ chức (hoặc dùng lời mời của "
                                                + "tổ chức) trước khi lập hồ sơ.");
                            case AGENCY_UNKNOWN ->
                                ExternalAccounts.forbidden(
                                        "agency-unknown",
                                        "Tài khoản cán bộ chưa được gắn với cơ quan xử lý nào trong hệ thống. Hãy liên hệ quản "
                                                + "trị viên của Sở Công Thương.");
                        });
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

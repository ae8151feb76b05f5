package vn.khuyencong.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What happens after the sign-in form: the event goes to the audit trail, and a success gives back the attempt the
 * throttle counted, so only failures use up the limits.
 */
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SecurityEvents events;
    private final UserAccounts accounts;
    private final RequestRateLimitFilter throttle;
    private final Clock clock;
    private final AuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

    SignInHandlers(SecurityEvents events, UserAccounts accounts, RequestRateLimitFilter throttle, Clock clock) {
        this.events = events;
        this.accounts = accounts;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        throttle.signInSucceeded(request);
        accounts.signedIn(authentication.getName(), clock.instant());
        events.record(
                SecurityEvents.Type.SIGN_IN_SUCCEEDED,
                authentication.getName(),
                null,
                request.getRemoteAddr(),
                Map.of());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String reason = exception instanceof BadCredentialsException
                ? "bad-credentials"
                : exception instanceof DisabledException ? "disabled" : "other";
        events.record(
                SecurityEvents.Type.SIGN_IN_FAILED,
                request.getParameter("username"),
                null,
                request.getRemoteAddr(),
                Map.of("reason", reason));
        failure.onAuthenticationFailure(request, response, exception);
    }
}

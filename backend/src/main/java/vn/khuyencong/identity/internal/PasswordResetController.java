package vn.khuyencong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Quên mật khẩu" on the embedded authorization server, in Vietnamese: the page asking for the account, the same
 * answer whether or not it exists, and the page the mailed link opens to set a new password. Linked from the
 * sign-in page, which a successful reset leads back to.
 */
@Controller
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class PasswordResetController {

    static final String FORGOT = "/password/forgot";
    static final String RESET = PasswordResets.LINK_PATH;
    /** The field naming the account: its account name or e-mail address. */
    static final String ACCOUNT = "account";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping(FORGOT)
    String forgot(Model model) {
        return askFor(model, null, Map.of());
    }

    @PostMapping(FORGOT)
    String ask(
            @RequestParam(name = ACCOUNT, required = false) String account,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String typed = account == null ? "" : account.strip();
        if (typed.isEmpty() || typed.length() > 254) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return askFor(
                    model,
                    typed,
                    Map.of(
                            ACCOUNT,
                            typed.isEmpty()
                                    ? "Vui lòng nhập địa chỉ thư điện tử hoặc tên đăng nhập của tài khoản."
                                    : "Địa chỉ thư điện tử hoặc tên đăng nhập không quá 254 ký tự."));
        }
        resets.request(typed, request.getRemoteAddr());
        // nothing on this page depends on the account, not even what was typed
        return "password-forgot-sent";
    }

    @GetMapping(RESET)
    String page(
            @RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        Optional<PasswordResets.Pending> pending = resets.pending(token);
        if (pending.isEmpty()) {
            return invalid(response);
        }
        return newPassword(model, token, pending.get().username(), Map.of());
    }

    @PostMapping(RESET)
    String reset(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PasswordResets.Outcome outcome = resets.reset(
                form.get("token"), form.get("password"), form.get("passwordConfirmation"), request.getRemoteAddr());
        return switch (outcome.status()) {
            case DONE -> "redirect:/login?reset";
            case INVALID_LINK -> invalid(response);
            case REFUSED -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                yield newPassword(model, form.get("token"), outcome.username(), outcome.errors());
            }
        };
    }

    private static String askFor(Model model, String account, Map<String, String> errors) {
        model.addAttribute("account", account);
        model.addAttribute("errors", errors);
        return "password-forgot";
    }

    private static String newPassword(Model model, String token, String username, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("username", username);
        model.addAttribute("errors", errors);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "password-reset";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "password-reset-invalid";
    }
}

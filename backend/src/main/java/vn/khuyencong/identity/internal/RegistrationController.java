package vn.khuyencong.identity.internal;

import static vn.khuyencong.shared.Texts.blankToNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyencong.identity.internal.Invitations.PendingInvitation;
import vn.khuyencong.identity.internal.Organisations.OrganisationType;

/**
 * The registration page of the embedded authorization server, in Vietnamese: an enterprise registers its
 * organisation and its own account, or a person invited joins an organisation or an agency. Linked from the
 * sign-in page; on success the person signs in (and goes on where the sign-in was started).
 */
@Controller
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class RegistrationController {

    static final String PATH = "/register";

    private final Registrations registrations;
    private final Invitations invitations;

    RegistrationController(Registrations registrations, Invitations invitations) {
        this.registrations = registrations;
        this.invitations = invitations;
    }

    @GetMapping(PATH)
    String page(
            @RequestParam(name = "invitation", required = false) String invitation,
            Model model,
            HttpServletResponse response) {
        if (invitation == null) {
            return show(model, Map.of(), Map.of(), null, null);
        }
        Optional<PendingInvitation> pending = invitations.pending(invitation);
        if (pending.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "invitation-invalid";
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (pending.get().email() != null) {
            values.put("email", pending.get().email());
        }
        return show(model, values, Map.of(), invitation, pending.get());
    }

    @PostMapping(PATH)
    String register(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String invitation = blankToNull(form.get("invitation"));
        boolean consent = "on".equals(form.get("consent")) || "true".equals(form.get("consent"));
        Registrations.Outcome outcome;
        PendingInvitation pending = null;
        if (invitation == null) {
            outcome = registrations.register(
                    new Registrations.Registration(
                            form.get("taxCode"),
                            form.get("organisationName"),
                            form.get("organisationType"),
                            form.get("communeCode"),
                            form.get("fullName"),
                            form.get("email"),
                            form.get("password"),
                            form.get("passwordConfirmation"),
                            consent),
                    request.getRemoteAddr());
        } else {
            pending = invitations.pending(invitation).orElse(null);
            if (pending == null) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return "invitation-invalid";
            }
            outcome = invitations.accept(
                    invitation,
                    new Invitations.Acceptance(
                            form.get("fullName"),
                            form.get("email"),
                            form.get("password"),
                            form.get("passwordConfirmation"),
                            consent),
                    request.getRemoteAddr());
            if (outcome.errors().containsKey("invitation")) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return "invitation-invalid";
            }
        }
        if (outcome.succeeded()) {
            return "redirect:/login?registered";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("password");
        values.remove("passwordConfirmation");
        values.remove("_csrf");
        return show(model, values, outcome.errors(), invitation, pending);
    }

    private static String show(
            Model model,
            Map<String, String> values,
            Map<String, String> errors,
            String invitation,
            PendingInvitation pending) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("invitation", invitation);
        model.addAttribute("pending", pending);
        model.addAttribute("organisationTypes", Arrays.asList(OrganisationType.values()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "register";
    }
}

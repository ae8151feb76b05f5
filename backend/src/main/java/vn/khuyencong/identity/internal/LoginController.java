package vn.khuyencong.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page of the embedded authorization server, in Vietnamese. */
@Controller
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        return "login";
    }
}

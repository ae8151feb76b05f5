package vn.khuyencong.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The frontend routes by history: a reload of one of its pages must get its index.html.
 * Only the frontend's own top-level routes are listed, so unknown API paths still answer 404.
 */
@Controller
class SinglePageAppController {

    @GetMapping({
        "/tra-cuu",
        "/tra-cuu/**",
        "/ho-so",
        "/ho-so/**",
        "/auth/callback",
        "/can-bo",
        "/can-bo/**",
        "/quan-tri",
        "/quan-tri/**",
        "/thong-ke",
        "/xac-thuc",
        "/xac-thuc/**"
    })
    String index() {
        return "forward:/index.html";
    }
}

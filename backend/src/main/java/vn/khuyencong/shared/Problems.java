package vn.khuyencong.shared;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Building problem details the same way everywhere, including outside Spring MVC (security filters). */
public final class Problems {

    private static final String TYPE_BASE = "https://khuyencong.gov.vn/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(ProblemException e) {
        ProblemDetail problem = of(e.status(), e.type().toString().substring(TYPE_BASE.length()), e.title(),
                e.getMessage());
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty("errors", e.fieldProblems());
        }
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<ProblemException.FieldProblem> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }
}

package vn.khuyencong.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Building problem details the same way everywhere, including outside Spring MVC (security filters). */
public final class Problems {

    private static final String TYPE_BASE = "https://khuyencong.gov.vn/problems/";

    private Problems() {}

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
        ProblemDetail problem =
                of(e.status(), e.type().toString().substring(TYPE_BASE.length()), e.title(), e.getMessage());
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

    /** Writes a problem as the response, where no message converter runs (servlet filters, security handlers). */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        Map<String, Object> body = body(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The members of a problem as RFC 9457 lays them out: its extension properties beside the standard ones. */
    static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}

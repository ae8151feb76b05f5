package vn.khuyencong.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;

/**
 * Every answer the API gives in a test is one its OpenAPI document lists: a filter in front of everything records
 * (method, path, status) of each API request, and a test that drives many endpoints (the authorization matrix, the
 * transition table, the races) checks them all against {@code /v3/api-docs} when it ends.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DocumentedAnswers {

    public record Answer(String method, String path, int status) {}

    private static final ConcurrentLinkedQueue<Answer> ANSWERS = new ConcurrentLinkedQueue<>();

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OncePerRequestFilter answerRecorder() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (request.getRequestURI().startsWith("/api/")) {
                        ANSWERS.add(new Answer(request.getMethod(), request.getRequestURI(), response.getStatus()));
                    }
                }
            }
        };
    }

    /** Forget what was recorded (a test class starts afresh). */
    public static void forget() {
        ANSWERS.clear();
    }

    /** Every answer recorded since {@link #forget()} is listed by its operation in the OpenAPI document. */
    public static void assertEveryAnswerIsDocumented(Api api) {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                Set<Integer> statuses = new TreeSet<>();
                operation
                        .getValue()
                        .get("responses")
                        .properties()
                        .forEach(r -> statuses.add(Integer.parseInt(r.getKey())));
                operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), pattern, statuses));
            }
        }
        Set<String> undocumented = new TreeSet<>();
        int checked = 0;
        for (Answer answer : ANSWERS) {
            checked++;
            Operation operation = operations.stream()
                    .filter(o -> o.method().equals(answer.method())
                            && o.pattern().matcher(answer.path()).matches())
                    // a literal path beats a template that also matches it
                    .min(java.util.Comparator.comparingInt(o -> o.template().split("\\{").length))
                    .orElse(null);
            if (operation == null) {
                if (answer.status() != 404 && answer.status() != 405 && answer.status() != 401) {
                    undocumented.add(answer.method() + " " + answer.path() + " answered " + answer.status()
                            + " and has no operation in the document");
                }
            } else if (!operation.statuses().contains(answer.status())) {
                undocumented.add(answer.method() + " " + operation.template() + " answered " + answer.status()
                        + ", the document lists " + operation.statuses());
            }
        }
        assertThat(checked).as("answers recorded").isPositive();
        assertThat(undocumented)
                .as("answers the OpenAPI document does not list")
                .isEmpty();
    }

    private record Operation(String method, String template, Pattern pattern, Set<Integer> statuses) {}
}

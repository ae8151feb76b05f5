package vn.khuyencong.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * What operators see: Prometheus metrics of the product's own work (transitions per event and outcome, uploads,
 * the mail outbox, overdue dossiers) beside the HTTP ones, only from inside the network; a request id and a trace
 * id on every response, taken from the proxy and from an incoming {@code traceparent}.
 */
class ObservabilityIntegrationTests extends IntegrationTest {

    static final String PROMETHEUS_TEXT = "text/plain";

    final Api anonymous = api();
    final Fixtures fixtures = new Fixtures(anonymous);

    @Test
    void transitionsAndUploadsAreCountedAsTheyHappen() {
        double submitted = metric("kc_workflow_transitions_total", "event=\"SUBMIT\",outcome=\"done\"");
        double refused = metric("kc_workflow_transitions_total", "event=\"APPROVE\",outcome=\"refused\"");
        double uploads = metric("kc_documents_uploads_total", "");

        String id = fixtures.submitted();
        // the enterprise may not approve its own dossier: a refusal, counted as such
        assertThat(fixtures.enterprise
                        .post("/api/v1/dossiers/" + id + "/transitions", Fixtures.event("APPROVE"))
                        .status())
                .isIn(403, 409);

        assertThat(metric("kc_workflow_transitions_total", "event=\"SUBMIT\",outcome=\"done\""))
                .isEqualTo(submitted + 1);
        assertThat(metric("kc_workflow_transitions_total", "event=\"APPROVE\",outcome=\"refused\""))
                .isGreaterThan(refused);
        assertThat(metric("kc_documents_uploads_total", "")).isGreaterThan(uploads);
        assertThat(metric("kc_documents_upload_size_bytes_sum", "")).isPositive();
    }

    @Test
    void theOutboxAndOverdueDossiersAreReadFromTheDatabase() {
        fixtures.submitted();
        String metrics = prometheus().body();
        assertThat(metric(metrics, "kc_mail_outbox_pending", "")).isGreaterThanOrEqualTo(0);
        assertThat(metric(metrics, "kc_mail_outbox_lag_seconds", "")).isGreaterThanOrEqualTo(0);
        assertThat(metric(metrics, "kc_dossiers_overdue", "")).isGreaterThanOrEqualTo(0);
        assertThat(metrics).contains("http_server_requests_seconds_count");
    }

    @Test
    void metricsAreRefusedToAClientComingThroughTheProxy() {
        Api.Response outside = anonymous.get(
                "/actuator/prometheus", Map.of("Accept", PROMETHEUS_TEXT, "X-Forwarded-For", "203.0.113.7"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body()).doesNotContain("kc_workflow_transitions_total");
        assertThat(anonymous
                        .get("/actuator/prometheus", Map.of("Accept", PROMETHEUS_TEXT, "X-Forwarded-For", "10.1.2.3"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyResponseNamesItsRequestAndItsTrace() {
        Api.Response fromProxy = anonymous.get(
                "/api/v1/catalog/contents",
                Map.of(
                        "X-Request-Id",
                        "3f6c2a9be1d04c7f9a3b5e2d1c0f8a7b",
                        "traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(fromProxy.header("X-Request-Id")).isEqualTo("3f6c2a9be1d04c7f9a3b5e2d1c0f8a7b");
        assertThat(fromProxy.header("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        Api.Response direct = anonymous.get("/api/v1/catalog/contents", Map.of("X-Request-Id", "bad id;<script>"));
        assertThat(direct.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(direct.header("X-Trace-Id"))
                .matches("[0-9a-f]{16,32}")
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private Api.Response prometheus() {
        Api.Response response = anonymous.get("/actuator/prometheus", Map.of("Accept", PROMETHEUS_TEXT));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private double metric(String name, String labels) {
        return metric(prometheus().body(), name, labels);
    }

    /** The value of the sample {@code name} whose labels contain {@code labels}; 0 when it is absent. */
    static double metric(String exposition, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)\\} (\\S+)$")
                .matcher(exposition);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}

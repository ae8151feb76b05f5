package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/** The two paths the Kubernetes probes of infra/k8s ask: whether to restart a pod, whether to send it traffic. */
class HealthProbesIntegrationTests extends IntegrationTest {

    @Test
    void livenessAnswersUp() {
        Api.Response liveness = api().get("/actuator/health/liveness");
        assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessAnswersUp() {
        Api.Response readiness = api().get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }
}

package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.GeneratedDocs;
import vn.khuyencong.support.IntegrationTest;

/** docs/api/openapi.json is what the running application publishes; a stale copy fails the build. */
class OpenApiDocumentIntegrationTests extends IntegrationTest {

    @Test
    void checkedInOpenApiDocumentIsCurrent() {
        Api.Response response = api().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("paths").has("/api/v1/dossiers/{dossierId}/transitions")).isTrue();
        String pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(document) + "\n";
        GeneratedDocs.assertUpToDate(GeneratedDocs.docs().resolve("api/openapi.json"), pretty);
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response response = api().get("/swagger-ui/index.html");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void healthShowsTheDatabaseTheObjectStoreAndTheIdentityProvider() {
        JsonNode health = api().get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("objectStorage").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("identityProvider").get("status").asString()).isEqualTo("UP");
    }
}

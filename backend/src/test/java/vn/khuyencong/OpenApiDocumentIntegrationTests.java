package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
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
        assertThat(document.get("paths").has("/api/v1/dossiers/{dossierId}/transitions"))
                .isTrue();
        String pretty =
                JsonMapper.builder()
                                .enable(SerializationFeature.INDENT_OUTPUT)
                                .build()
                                .writeValueAsString(document) + "\n";
        GeneratedDocs.assertUpToDate(GeneratedDocs.docs().resolve("api/openapi.json"), pretty);
    }

    /**
     * The request body each endpoint documents is the one it reads: the properties of its schema are the components
     * of the record the controller binds (two records of one simple name once shared a schema, so the document showed
     * the monitoring views as the bodies of the monitoring forms), and no parameter is one the client cannot send.
     */
    @Test
    void everyDocumentedRequestBodyIsTheRecordTheEndpointReads() {
        JsonNode document = api().get("/v3/api-docs").json();
        List<String> wrong = new ArrayList<>();
        int bodies = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var handler = entry.getValue();
            for (var parameter : handler.getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)
                        || !parameter.getParameterType().isRecord()) {
                    continue;
                }
                Set<String> components = new TreeSet<>();
                for (var component : parameter.getParameterType().getRecordComponents()) {
                    components.add(component.getName());
                }
                for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                    for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                        JsonNode operation = document.get("paths")
                                .get(path)
                                .get(method.name().toLowerCase());
                        JsonNode schema = resolve(
                                document,
                                operation
                                        .get("requestBody")
                                        .get("content")
                                        .get("application/json")
                                        .get("schema"));
                        Set<String> properties =
                                new java.util.TreeSet<>(schema.get("properties").propertyNames());
                        bodies++;
                        if (!properties.equals(components)) {
                            wrong.add(method + " " + path + ": documented " + properties + ", read " + components);
                        }
                    }
                }
            }
        }
        assertThat(bodies).isGreaterThan(20);
        assertThat(wrong).as("request bodies the document describes wrongly").isEmpty();
        List<String> phantoms = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode parameters = operation.getValue().get("parameters");
                    if (parameters != null) {
                        parameters.forEach(p -> {
                            if (java.util.Set.of("user", "admin", "request")
                                    .contains(p.get("name").asString())) {
                                phantoms.add(operation.getKey() + " " + path.getKey() + " "
                                        + p.get("name").asString());
                            }
                        });
                    }
                }));
        assertThat(phantoms)
                .as("parameters that are really the token or the servlet request")
                .isEmpty();
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.get("components").get("schemas").get(name);
        }
        return schema;
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

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
        assertThat(health.get("components").get("objectStorage").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.get("components")
                        .get("identityProvider")
                        .get("status")
                        .asString())
                .isEqualTo("UP");
    }
}

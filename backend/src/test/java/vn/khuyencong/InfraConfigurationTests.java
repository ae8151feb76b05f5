package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker does not run here, so the production stack in infra/ is checked by reading it: every variable the
 * backend reads is set for it, images are pinned, Keycloak knows the roles and the SPA client.
 */
class InfraConfigurationTests {

    static final Path ROOT = Path.of(System.getProperty("kc.infra.dir", "../infra"))
            .toAbsolutePath()
            .normalize()
            .getParent();

    static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    }

    /** The environment variables application.yaml reads, e.g. {@code ${KC_DB_URL:...}}. */
    static Set<String> variablesTheBackendReads() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(read("backend/src/main/resources/application.yaml"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(read("infra/docker-compose.yml"));
        return (Map<String, Object>) compose.get("services");
    }

    @Test
    void theBackendReadsItsSettingsFromTheEnvironment() throws IOException {
        assertThat(variablesTheBackendReads())
                .contains("KC_DB_URL", "KC_S3_ENDPOINT", "KC_OIDC_ISSUER_URI", "KC_OIDC_ROLES_CLAIM", "KC_PUBLIC_URL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeSetsEveryVariableTheBackendReads() throws IOException {
        Map<String, Object> backend = (Map<String, Object>) services().get("backend");
        Map<String, Object> environment = (Map<String, Object>) backend.get("environment");
        assertThat(environment.keySet()).containsAll(variablesTheBackendReads());
        assertThat(environment.keySet())
                .allSatisfy(name -> assertThat(variablesTheBackendReads()).contains(name));
        // in production every embedded part is replaced by the real one
        assertThat(String.valueOf(environment.get("KC_S3_ENDPOINT"))).startsWith("http://minio:");
        assertThat(String.valueOf(environment.get("KC_OIDC_ISSUER_URI"))).contains("/realms/khuyencong");
        assertThat(String.valueOf(environment.get("KC_DB_URL"))).startsWith("jdbc:postgresql://postgres:");
        // demo datasets are loaded on request only, never in production
        assertThat(String.valueOf(environment.get("KC_DEMO_DATA"))).isEmpty();
    }

    @Test
    void noDemoDatasetIsLoadedByDefault() throws IOException {
        assertThat(read("backend/src/main/resources/application.yaml")).contains("demo-data: ${KC_DEMO_DATA:}");
        assertThat(read("infra/.env.example")).containsPattern("(?m)^KC_DEMO_DATA=$");
    }

    @Test
    void theEnvironmentVariablesAreDocumented() throws IOException {
        String readme = read("README.md");
        String example = read("infra/.env.example");
        for (String name : variablesTheBackendReads()) {
            assertThat(readme).as("README table").contains("`" + name + "`");
            assertThat(example).as(".env.example").contains(name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackHasEveryPartWithPinnedImages() throws IOException {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("postgres", "minio", "keycloak", "backend", "nginx");
        services.forEach((name, definition) -> {
            String image = String.valueOf(((Map<String, Object>) definition).get("image"));
            assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsClamdWithFreshclamAndTheBackendScansByDefault() throws IOException {
        Map<String, Object> clamav = (Map<String, Object>) services().get("clamav");
        assertThat(String.valueOf(clamav.get("image"))).startsWith("clamav/clamav:1.4.");
        assertThat((List<String>) clamav.get("volumes"))
                .contains("./clamav/clamd.conf:/etc/clamav/clamd.conf:ro")
                .anySatisfy(volume -> assertThat(volume).endsWith(":/var/lib/clamav"));
        assertThat(clamav).doesNotContainKey("ports");
        // freshclam runs beside clamd unless switched off
        assertThat((Map<String, Object>) clamav.get("environment")).doesNotContainKey("CLAMAV_NO_FRESHCLAMD");
        Map<String, Object> environment =
                (Map<String, Object>) ((Map<String, Object>) services().get("backend")).get("environment");
        assertThat(String.valueOf(environment.get("KC_CLAMAV_ENABLED"))).isIn("true", "${KC_CLAMAV_ENABLED:-true}");
        assertThat(environment.get("KC_CLAMAV_HOST")).isEqualTo("clamav");
        assertThat(read("infra/.env.example")).containsPattern("(?m)^KC_CLAMAV_ENABLED=true$");
    }

    @Test
    void keycloakRealmHasTheRolesThePublicSpaClientWithPkceAndDemoUsers() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(read("infra/keycloak/realm-khuyencong.json"));
        assertThat(realm.get("realm").asString()).isEqualTo("khuyencong");
        Set<String> roles = new TreeSet<>();
        realm.get("roles")
                .get("realm")
                .forEach(role -> roles.add(role.get("name").asString()));
        assertThat(roles).containsAll(List.of("ENTERPRISE", "REVIEWER", "APPROVER", "MONITOR", "ADMIN"));
        JsonNode spa = null;
        for (JsonNode client : realm.get("clients")) {
            if ("khuyencong-spa".equals(client.get("clientId").asString())) {
                spa = client;
            }
        }
        assertThat(spa).as("the SPA client").isNotNull();
        assertThat(spa.get("publicClient").asBoolean()).isTrue();
        assertThat(spa.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(spa.get("attributes").get("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        Set<String> users = new TreeSet<>();
        realm.get("users").forEach(user -> users.add(user.get("username").asString()));
        assertThat(users).contains("doanhnghiep", "thamdinh", "pheduyet", "giamsat", "quantri");
    }

    @Test
    void nginxServesTheFrontendAndProxiesTheApi() throws IOException {
        String conf = read("infra/nginx/default.conf");
        assertThat(conf)
                .contains("location /api/")
                .contains("proxy_pass http://backend:8080")
                .contains("try_files $uri /index.html")
                .contains("Content-Security-Policy");
    }
}

package vn.khuyencong.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak (its distribution from Maven Central, unpacked by the build) in development mode with an
 * in-memory database, started once per test run with the project's realm export ({@code infra/keycloak/}), the
 * web app's origin written into the SPA client and the access tokens shortened to a minute. Its admin REST API makes
 * the people a test needs and changes the realm's signing key.
 */
public final class Keycloak {

    public static final String REALM = "khuyencong";
    public static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Keycloak shared;

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private Keycloak(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The one Keycloak of the run, its SPA client allowing the web app at {@code appOrigin}. */
    public static synchronized Keycloak shared(String appOrigin) {
        if (shared == null) {
            shared = start(appOrigin);
        }
        return shared;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return base() + "/realms/" + REALM;
    }

    private static Keycloak start(String appOrigin) {
        Path home = Path.of(System.getProperty("kc.keycloak.home", "target/keycloak/keycloak-26.7.3"));
        Path realm = Path.of(System.getProperty("kc.keycloak.realm", "../infra/keycloak/realm-khuyencong.json"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (mvn pre-integration-test)");
        }
        try {
            int port = freePort();
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            String export = Files.readString(realm)
                    .replace("\"http://localhost/*\"", "\"" + appOrigin + "/*\"")
                    .replace("\"http://localhost\"", "\"" + appOrigin + "\"")
                    .replace(
                            "\"accessTokenLifespan\": 300",
                            "\"accessTokenLifespan\": " + ACCESS_TOKEN_LIFETIME.toSeconds());
            Files.writeString(imports.resolve("realm-khuyencong.json"), export);
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port",
                            String.valueOf(port),
                            "--http-host",
                            "127.0.0.1",
                            "--http-management-port",
                            String.valueOf(freePort()),
                            "--import-realm",
                            "--db",
                            "dev-mem",
                            "--hostname",
                            "http://127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            // Keycloak reads every KC_* variable as its own configuration: none of the product's may reach it
            builder.environment().keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            keycloak.awaitReady(home.resolve("keycloak.log"));
            return keycloak;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("Keycloak not ready in time; see " + log);
    }

    /**
     * A person of the realm, as a province's administrator (or VNeID's first broker login) makes one: profile
     * complete, password set, realm roles and user attributes given.
     */
    public String createUser(
            String username,
            String lastName,
            String firstName,
            String password,
            List<String> roles,
            Map<String, List<String>> attributes) {
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "emailVerified",
                true,
                "firstName",
                firstName,
                "lastName",
                lastName,
                "email",
                username + "@example.vn",
                "attributes",
                attributes,
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = admin("POST", "/users", JSON.writeValueAsString(user));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("User not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String mappings = JSON.writeValueAsString(roles.stream()
                .map(role -> JSON.readTree(admin("GET", "/roles/" + role, null).body()))
                .toList());
        HttpResponse<String> granted = admin("POST", "/users/" + id + "/role-mappings/realm", mappings);
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Roles not granted: " + granted.body());
        }
        return id;
    }

    /**
     * A key change as an operator does it: a new RSA key of higher priority signs from now on and the old one is
     * removed from the realm, so it leaves the JWKS. Returns the key id of the new key.
     */
    public String changeSigningKey() {
        JsonNode realm = JSON.readTree(admin("GET", "", null).body());
        List<JsonNode> before = keyProviders();
        Map<String, Object> provider = Map.of(
                "name",
                "rsa-" + UUID.randomUUID(),
                "providerId",
                "rsa-generated",
                "providerType",
                "org.keycloak.keys.KeyProvider",
                "parentId",
                realm.get("id").asString(),
                "config",
                Map.of(
                        "priority",
                        List.of("500"),
                        "keySize",
                        List.of("2048"),
                        "active",
                        List.of("true"),
                        "enabled",
                        List.of("true"),
                        "algorithm",
                        List.of("RS256")));
        HttpResponse<String> added = admin("POST", "/components", JSON.writeValueAsString(provider));
        if (added.statusCode() != 201) {
            throw new IllegalStateException("Key not added: " + added.body());
        }
        for (JsonNode old : before) {
            if ("rsa-generated".equals(old.get("providerId").asString())) {
                admin("DELETE", "/components/" + old.get("id").asString(), null);
            }
        }
        JsonNode keys = JSON.readTree(admin("GET", "/keys", null).body());
        for (JsonNode key : keys.get("keys")) {
            if ("RS256".equals(key.get("algorithm").asString())
                    && "ACTIVE".equals(key.get("status").asString())) {
                return key.get("kid").asString();
            }
        }
        throw new IllegalStateException("No active RS256 key after the change");
    }

    private List<JsonNode> keyProviders() {
        JsonNode components = JSON.readTree(admin("GET", "/components?type=org.keycloak.keys.KeyProvider", null)
                .body());
        ArrayList<JsonNode> list = new ArrayList<>();
        components.forEach(list::add);
        return list;
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).get("access_token").asString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

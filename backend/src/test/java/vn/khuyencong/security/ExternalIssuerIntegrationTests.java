package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import vn.khuyencong.KhuyenCongApplication;
import vn.khuyencong.identity.Http;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * With an external issuer (Keycloak, or VNeID brokered by Keycloak) the embedded authorization server is gone and
 * the API accepts tokens shaped like Keycloak's: roles from {@code realm_access.roles}, organisation and agency from
 * {@code org} and {@code agency}. The issuer here is played by a key pair of the test, its JWKS served on a local
 * port exactly where Keycloak serves it.
 */
@SpringBootTest(classes = KhuyenCongApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ExternalIssuerIntegrationTests {

    static final String ISSUER = "https://sso.khuyencong.example/realms/khuyencong";
    static final RSAKey KEY = key();
    static final AtomicInteger KEY_DOWNLOADS = new AtomicInteger();
    static final HttpServer JWKS = jwksServer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) throws IOException {
        registry.add("kc.identity.issuer-uri", () -> ISSUER);
        registry.add("kc.identity.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort()
                + "/realms/khuyencong/protocol/openid-connect/certs");
        registry.add("kc.identity.roles-claim", () -> "realm_access.roles");
        registry.add("kc.identity.audience", () -> "khuyencong-api");
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + IntegrationTest.DATABASE);
        registry.add("kc.database.create-if-missing", () -> true);
        registry.add("kc.data-dir", Files.createTempDirectory("kc-external-issuer")::toString);
    }

    @AfterAll
    static void stopIssuer() {
        JWKS.stop(0);
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A Keycloak access token of realm khuyencong for the SPA client, with the given realm roles. */
    static String keycloakToken(RSAKey key, List<String> realmRoles, Consumer<JWTClaimsSet.Builder> change)
            throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(List.of("khuyencong-api", "account"))
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("typ", "Bearer")
                .claim("azp", "khuyencong-spa")
                .claim("scope", "openid profile email")
                .claim("realm_access", Map.of("roles", realmRoles))
                .claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))))
                .claim("preferred_username", "keycloak.user")
                .claim("name", "Đinh Thị Thu")
                .claim("email", "thu@example.vn");
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    Api.Response get(String token, String path) {
        return Http.send(base(), token, "GET", path, null, Map.of());
    }

    @Test
    void anEnterpriseTokenOfKeycloakIsAcceptedWithItsRoleAndOrganisation() throws Exception {
        UUID organisation = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, tax_code, name, org_type) values (?, ?, 'Hợp tác xã Rau Đồng Hỷ', 'COOPERATIVE')")
                .params(organisation, vn.khuyencong.identity.IdentityFixtures.aTaxCode()).update();
        String token = keycloakToken(KEY, List.of("ENTERPRISE", "offline_access", "uma_authorization",
                "default-roles-khuyencong"), claims -> claims.claim("org", organisation.toString()));

        Api.Response me = get(token, "/api/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("roles").size()).isEqualTo(1);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ENTERPRISE");
        assertThat(me.json().get("username").asString()).isEqualTo("keycloak.user");
        assertThat(me.json().get("organisationName").asString()).isEqualTo("Hợp tác xã Rau Đồng Hỷ");
        assertThat(get(token, "/api/v1/dossiers").status()).isEqualTo(200);
        assertThat(KEY_DOWNLOADS.get()).as("keys fetched from the issuer's JWKS").isPositive();
    }

    @Test
    void anOfficerTokenCarriesTheRoleAndTheAgency() throws Exception {
        String token = keycloakToken(KEY, List.of("REVIEWER", "APPROVER"), claims -> claims.claim("agency", "000.00.15.H55"));

        Api.Response me = get(token, "/api/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(List.of(me.json().get("roles").get(0).asString(), me.json().get("roles").get(1).asString()))
                .containsExactlyInAnyOrder("REVIEWER", "APPROVER");
        assertThat(me.json().get("agencyCode").asString()).isEqualTo("000.00.15.H55");
        assertThat(get(token, "/api/v1/admin/officers").status()).isEqualTo(403);
    }

    @Test
    void aTokenWithNoneOfTheServicesRolesMayDoNothing() throws Exception {
        Api.Response me = get(keycloakToken(KEY, List.of("offline_access", "uma_authorization"), claims -> { }),
                "/api/v1/me");
        assertThat(me.status()).isEqualTo(403);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @Test
    void tokensNotOfTheIssuerOrNotForTheApiAreRefused() throws Exception {
        RSAKey stranger = key();
        assertThat(get(keycloakToken(stranger, List.of("ENTERPRISE"), claims -> { }), "/api/v1/me").status()).isEqualTo(401);
        assertThat(get(keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.issuer("https://other.example/realms/x")),
                "/api/v1/me").status()).isEqualTo(401);
        assertThat(get(keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.audience("account")), "/api/v1/me")
                .status()).isEqualTo(401);
        assertThat(get(keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.claim("org", "not-a-uuid")),
                "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void theEmbeddedServerIsAbsentAndTheFrontendIsToldWhereToSignIn() {
        Api.Response config = get(null, "/api/v1/public/config");
        assertThat(config.json().get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(config.json().get("registrationUrl").isNull()).isTrue();
        assertThat(get(null, "/oauth2/jwks").status()).isEqualTo(404);
        assertThat(Http.send(base(), null, "GET", "/register", null, Map.of("Accept", "text/html")).status()).isEqualTo(404);
        assertThat(Http.send(base(), null, "GET", "/password/forgot", null, Map.of("Accept", "text/html")).status())
                .isEqualTo(404);
    }

    @Test
    void accountsAreManagedByTheIssuer() throws Exception {
        String admin = keycloakToken(KEY, List.of("ADMIN"), claims -> claims.claim("agency", "000.00.15.H55"));
        Api.Response officers = get(admin, "/api/v1/admin/officers");
        assertThat(officers.status()).isEqualTo(409);
        assertThat(officers.json().get("rule").asString()).isEqualTo("accounts-managed-externally");
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/khuyencong/protocol/openid-connect/certs", exchange -> {
                KEY_DOWNLOADS.incrementAndGet();
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

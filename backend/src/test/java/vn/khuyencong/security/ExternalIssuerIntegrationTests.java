package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.khuyencong.KhuyenCongApplication;
import vn.khuyencong.identity.Http;
import vn.khuyencong.identity.IdentityFixtures;
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
        registry.add(
                "kc.identity.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort()
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
                .claim(
                        "preferred_username",
                        "keycloak.user." + UUID.randomUUID().toString().substring(0, 8))
                .claim("name", "Đinh Thị Thu")
                .claim("email", "thu." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn");
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    Api.Response get(String token, String path) {
        return Http.send(base(), token, "GET", path, null, Map.of());
    }

    @Test
    void anEnterpriseTokenOfKeycloakIsAcceptedWithItsRoleAndOrganisation() throws Exception {
        UUID organisation = UUID.randomUUID();
        jdbc.sql(
                        "insert into organisation (id, tax_code, name, org_type) values (?, ?, 'Hợp tác xã Rau Đồng Hỷ', 'COOPERATIVE')")
                .params(organisation, IdentityFixtures.aTaxCode())
                .update();
        String token = keycloakToken(
                KEY,
                List.of("ENTERPRISE", "offline_access", "uma_authorization", "default-roles-khuyencong"),
                claims -> claims.claim("org", organisation.toString()));

        Api.Response me = get(token, "/api/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("roles").size()).isEqualTo(1);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ENTERPRISE");
        assertThat(me.json().get("username").asString()).startsWith("keycloak.user");
        assertThat(me.json().get("organisationName").asString()).isEqualTo("Hợp tác xã Rau Đồng Hỷ");
        assertThat(get(token, "/api/v1/dossiers").status()).isEqualTo(200);
        assertThat(KEY_DOWNLOADS.get())
                .as("keys fetched from the issuer's JWKS")
                .isPositive();
    }

    @Test
    void anOfficerTokenCarriesTheRoleAndTheAgency() throws Exception {
        String token = keycloakToken(
                KEY, List.of("REVIEWER", "APPROVER"), claims -> claims.claim("agency_code", "000.00.15.H55"));

        Api.Response me = get(token, "/api/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(List.of(
                        me.json().get("roles").get(0).asString(),
                        me.json().get("roles").get(1).asString()))
                .containsExactlyInAnyOrder("REVIEWER", "APPROVER");
        assertThat(me.json().get("agencyCode").asString()).isEqualTo("000.00.15.H55");
        assertThat(get(token, "/api/v1/admin/officers").status()).isEqualTo(403);
    }

    @Test
    void aTokenWithNoneOfTheServicesRolesMayDoNothing() throws Exception {
        Api.Response me =
                get(keycloakToken(KEY, List.of("offline_access", "uma_authorization"), claims -> {}), "/api/v1/me");
        assertThat(me.status()).isEqualTo(403);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @Test
    void tokensNotOfTheIssuerOrNotForTheApiAreRefused() throws Exception {
        RSAKey stranger = key();
        assertThat(get(keycloakToken(stranger, List.of("ENTERPRISE"), claims -> {}), "/api/v1/me")
                        .status())
                .isEqualTo(401);
        assertThat(get(
                                keycloakToken(
                                        KEY,
                                        List.of("ENTERPRISE"),
                                        claims -> claims.issuer("https://other.example/realms/x")),
                                "/api/v1/me")
                        .status())
                .isEqualTo(401);
        assertThat(get(keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.audience("account")), "/api/v1/me")
                        .status())
                .isEqualTo(401);
        assertThat(get(keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.expirationTime(null)), "/api/v1/me")
                        .status())
                .as("a well-signed token without exp")
                .isEqualTo(401);
    }

    @Test
    void organisationClaimsThatCannotBeHonouredAreNamedNeverA500() throws Exception {
        Api.Response notAnId = get(
                keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.claim("org", "not-a-uuid")), "/api/v1/me");
        assertThat(notAnId.status()).isEqualTo(403);
        assertThat(notAnId.json().get("rule").asString()).isEqualTo("organisation-claim-invalid");
        assertThat(notAnId.json().get("claim").asString()).isEqualTo("org");

        String unknown = keycloakToken(
                KEY,
                List.of("ENTERPRISE"),
                claims -> claims.claim("org", UUID.randomUUID().toString()));
        Api.Response create = Http.send(
                base(),
                unknown,
                "POST",
                "/api/v1/dossiers",
                "{}",
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(create.status()).as(create.body()).isEqualTo(403);
        assertThat(create.json().get("rule").asString()).isEqualTo("organisation-claim-unknown");
        assertThat(create.contentType()).startsWith("application/problem+json");

        Api.Response badTaxCode = get(
                keycloakToken(KEY, List.of("ENTERPRISE"), claims -> claims.claim("org_tax_code", "0100109107")),
                "/api/v1/me");
        assertThat(badTaxCode.status()).isEqualTo(403);
        assertThat(badTaxCode.json().get("claim").asString()).isEqualTo("org_tax_code");
    }

    @Test
    void aNewEnterprisePersonIsOnboardedAndThenWorksInTheirOrganisation() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = keycloakToken(
                KEY,
                List.of("ENTERPRISE"),
                claims -> claims.subject(subject)
                        .claim("preferred_username", "nguoimoi." + subject.substring(0, 8))
                        .claim("given_name", "Thị Thu")
                        .claim("family_name", "Đinh")
                        .claim("name", "Thị Thu Đinh")
                        .claim("email", "thu." + subject.substring(0, 8) + "@example.vn"));

        Api.Response me = get(token, "/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("onboarding").asString()).isEqualTo("ORGANISATION_REQUIRED");
        assertThat(me.json().get("displayName").asString())
                .as("Vietnamese order")
                .isEqualTo("Đinh Thị Thu");
        Api.Response early = get(token, "/api/v1/dossiers");
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.json().get("rule").asString()).isEqualTo("organisation-required");
        assertThat(get(token, "/api/v1/catalog/communes").status())
                .as("the registration step's communes")
                .isEqualTo(200);

        Map<String, String> headers = Map.of(
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        Api.Response invalid = Http.send(
                base(),
                token,
                "POST",
                "/api/v1/me/organisation",
                "{\"taxCode\":\"0100109107\",\"name\":\"\",\"type\":\"COOPERATIVE\",\"address\":\"Thôn Nà Mò\","
                        + "\"communeCode\":\"99999\"}",
                headers);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("taxCode", "name", "communeCode");
        assertThat(get(token, "/api/v1/me").json().get("onboarding").asString())
                .as("nothing was made")
                .isEqualTo("ORGANISATION_REQUIRED");

        String taxCode = IdentityFixtures.aTaxCode();
        String commune = jdbc.sql("select code from administrative_unit where level = 'COMMUNE' and active limit 1")
                .query(String.class)
                .single();
        Api.Response registered = Http.send(
                base(),
                token,
                "POST",
                "/api/v1/me/organisation",
                "{\"taxCode\":\"" + taxCode + "\",\"name\":\"Hợp tác xã Chè Tân Cương\",\"type\":\"COOPERATIVE\","
                        + "\"address\":\"Xóm 5\",\"communeCode\":\"" + commune + "\"}",
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Api.Response after = get(token, "/api/v1/me");
        assertThat(after.json().get("onboarding").isNull()).isTrue();
        assertThat(after.json().get("organisationName").asString()).isEqualTo("Hợp tác xã Chè Tân Cương");
        assertThat(after.json().get("organisationRole").asString()).isEqualTo("OWNER");
        assertThat(get(token, "/api/v1/dossiers").status()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from security_event where type = 'ACCOUNT_CREATED' and details->>'subject' = ?")
                        .param(subject)
                        .query(Integer.class)
                        .single())
                .as("the first sign-in is recorded once")
                .isEqualTo(1);

        // a colleague whose token carries the organisation's tax code is linked to it as a member
        String colleague = keycloakToken(
                KEY,
                List.of("ENTERPRISE"),
                claims -> claims.claim("preferred_username", "dongnghiep." + subject.substring(0, 8))
                        .claim("org_tax_code", taxCode));
        Api.Response colleagueMe = get(colleague, "/api/v1/me");
        assertThat(colleagueMe.json().get("organisationName").asString()).isEqualTo("Hợp tác xã Chè Tân Cương");
        assertThat(colleagueMe.json().get("organisationRole").asString()).isEqualTo("MEMBER");

        // the same person again, now claiming another organisation: refused, naming the claim
        Api.Response mismatch = get(
                keycloakToken(
                        KEY,
                        List.of("ENTERPRISE"),
                        claims -> claims.subject(subject)
                                .claim("org_tax_code", vn.khuyencong.identity.IdentityFixtures.aTaxCode())),
                "/api/v1/me");
        assertThat(mismatch.status()).isEqualTo(403);
        assertThat(mismatch.json().get("rule").asString()).isEqualTo("organisation-claim-inconsistent");
    }

    @Test
    void anOfficerWithoutAKnownAgencyIsToldSo() throws Exception {
        String token = keycloakToken(KEY, List.of("REVIEWER"), claims -> claims.claim("agency_code", "KHONG.CO"));
        Api.Response me = get(token, "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("onboarding").asString()).isEqualTo("AGENCY_UNKNOWN");
        Api.Response queue = get(token, "/api/v1/dossiers");
        assertThat(queue.status()).isEqualTo(403);
        assertThat(queue.json().get("rule").asString()).isEqualTo("agency-unknown");
    }

    @Test
    void theEmbeddedServerIsAbsentAndTheFrontendIsToldWhereToSignIn() {
        Api.Response config = get(null, "/api/v1/public/config");
        assertThat(config.json().get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(config.json().get("registrationUrl").isNull()).isTrue();
        assertThat(get(null, "/oauth2/jwks").status()).isEqualTo(404);
        assertThat(Http.send(base(), null, "GET", "/register", null, Map.of("Accept", "text/html"))
                        .status())
                .isEqualTo(404);
        assertThat(Http.send(base(), null, "GET", "/password/forgot", null, Map.of("Accept", "text/html"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void accountsAreManagedByTheIssuer() throws Exception {
        String admin = keycloakToken(KEY, List.of("ADMIN"), claims -> claims.claim("agency_code", "000.00.15.H55"));
        Api.Response officers = get(admin, "/api/v1/admin/officers");
        assertThat(officers.status()).isEqualTo(409);
        assertThat(officers.json().get("rule").asString()).isEqualTo("accounts-managed-externally");
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
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
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

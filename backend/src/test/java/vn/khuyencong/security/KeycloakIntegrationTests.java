package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khuyencong.KhuyenCongApplication;
import vn.khuyencong.identity.IdentityFixtures;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.BrowserJourneys;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.Keycloak;
import vn.khuyencong.support.OidcSession;

/**
 * The product with a real Keycloak as its issuer, configured from the realm export a province imports
 * ({@code infra/keycloak/realm-khuyencong.json}): people sign in on Keycloak's own page (code + PKCE), a new
 * enterprise person registers the organisation and works, a colleague joins by invitation, another organisation
 * sees nothing, officers act with the agency Keycloak names, sessions renew and end for real, and a key change at
 * Keycloak is honoured within the time the security model states.
 */
@SpringBootTest(classes = KhuyenCongApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
class KeycloakIntegrationTests {

    static final int APP_PORT = Keycloak.freePort();
    static final String APP = "http://localhost:" + APP_PORT;
    static final Keycloak KEYCLOAK = Keycloak.shared(APP);
    static final String PASSWORD = "Mat-khau-2026!";

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void keycloakAsIssuer(DynamicPropertyRegistry registry) throws Exception {
        registry.add("server.port", () -> APP_PORT);
        registry.add("kc.public-url", () -> APP);
        registry.add("kc.identity.issuer-uri", KEYCLOAK::issuer);
        registry.add("kc.identity.roles-claim", () -> "realm_access.roles");
        registry.add("kc.identity.audience", () -> "khuyencong-api");
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + IntegrationTest.DATABASE);
        registry.add("kc.database.create-if-missing", () -> true);
        registry.add("kc.data-dir", Files.createTempDirectory("kc-keycloak")::toString);
    }

    OidcSession signIn(String username) {
        return OidcSession.browser(KEYCLOAK.issuer(), "khuyencong-spa", APP + "/auth/callback")
                .signIn(
                        username,
                        username.equals("thamdinh") || username.equals("doanhnghiep") ? Api.DEMO_PASSWORD : PASSWORD);
    }

    static String someone(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String newEnterprisePerson(String prefix) {
        String username = someone(prefix);
        KEYCLOAK.createUser(username, "Đinh", "Thị Thu", PASSWORD, List.of("ENTERPRISE"), Map.of());
        return username;
    }

    Api api(OidcSession session) {
        return Api.at(APP).withToken(session.accessToken());
    }

    /** Registers the person's organisation through the onboarding step; returns its tax code. */
    String registerOrganisation(Api person, String name) {
        String taxCode = IdentityFixtures.aTaxCode();
        Api.Response registered = person.post(
                "/api/v1/me/organisation",
                Map.of(
                        "taxCode",
                        taxCode,
                        "name",
                        name,
                        "type",
                        "COOPERATIVE",
                        "address",
                        "Thôn Bản Pjàng",
                        "communeCode",
                        "19003"),
                UUID.randomUUID().toString());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return taxCode;
    }

    @Test
    void aNewEnterprisePersonSignsInRegistersTheOrganisationAndSubmits() {
        OidcSession session = signIn(newEnterprisePerson("dn"));
        Api person = api(session);

        Api.Response me = person.get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("onboarding").asString()).isEqualTo("ORGANISATION_REQUIRED");
        assertThat(me.json().get("displayName").asString())
                .as("family name first")
                .isEqualTo("Đinh Thị Thu");
        assertThat(person.post("/api/v1/dossiers", Fixtures.aCompleteForm()).status())
                .as("no dossier before the organisation")
                .isEqualTo(403);

        registerOrganisation(person, "Hợp tác xã Mây tre Bản Pjàng");
        Api.Response created = person.post("/api/v1/dossiers", Fixtures.aCompleteForm());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Fixtures.uploadEveryRequiredDocument(person, id);
        Api.Response submitted = person.post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "SUBMIT"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("code").asString()).isNotBlank();

        // an officer of the agency Keycloak names sees it in the queue and acts on it
        Api reviewer = api(signIn("thamdinh"));
        Api.Response officer = reviewer.get("/api/v1/me");
        assertThat(officer.json().get("agencyCode").asString()).isEqualTo("000.00.15.H55");
        Api.Response review = reviewer.post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "START_REVIEW"));
        assertThat(review.status()).as(review.body()).isEqualTo(200);

        // another organisation sees nothing of it
        Api stranger = api(signIn(newEnterprisePerson("khac")));
        registerOrganisation(stranger, "Công ty TNHH Gốm Bát Tràng");
        assertThat(stranger.get("/api/v1/dossiers/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/dossiers").body()).doesNotContain(id);
    }

    @Test
    void aColleagueInvitedJoinsTheOrganisation() {
        Api owner = api(signIn(newEnterprisePerson("chu")));
        registerOrganisation(owner, "Hợp tác xã Dệt thổ cẩm Nà Phòn");
        String dossier = owner.post("/api/v1/dossiers", Fixtures.aCompleteForm())
                .json()
                .get("id")
                .asString();
        Api.Response invitation = owner.post(
                "/api/v1/organisation/invitations",
                Map.of("email", ""),
                UUID.randomUUID().toString());
        assertThat(invitation.status()).as(invitation.body()).isEqualTo(201);
        String link = invitation.json().get("link").asString();
        assertThat(link)
                .as("the link leads to the web app, where the person signs in at Keycloak")
                .startsWith(APP + "/loi-moi?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(Api.at(APP)
                        .get("/api/v1/public/invitations/" + token)
                        .json()
                        .get("organisationName")
                        .asString())
                .isEqualTo("Hợp tác xã Dệt thổ cẩm Nà Phòn");

        Api colleague = api(signIn(newEnterprisePerson("dongnghiep")));
        Api.Response joined = colleague.post(
                "/api/v1/me/invitation",
                Map.of("token", token),
                UUID.randomUUID().toString());

        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        Api.Response me = colleague.get("/api/v1/me");
        assertThat(me.json().get("organisationRole").asString()).isEqualTo("MEMBER");
        assertThat(colleague.get("/api/v1/dossiers/" + dossier).status()).isEqualTo(200);
        Api.Response again = api(signIn(newEnterprisePerson("lan2")))
                .post(
                        "/api/v1/me/invitation",
                        Map.of("token", token),
                        UUID.randomUUID().toString());
        assertThat(again.status()).as("an invitation is used once").isEqualTo(404);
    }

    @Test
    void theDemoEnterpriseOfTheRealmIsAskedOnlyForWhatItsClaimsDoNotSay() {
        Api demo = api(signIn("doanhnghiep"));
        Api.Response me = demo.get("/api/v1/me");
        assertThat(me.status()).as("never a 500: " + me.body()).isEqualTo(200);
        if (me.json().get("onboarding").isNull()) {
            return; // another test of the run registered it already
        }
        assertThat(me.json().get("prefill").get("taxCode").asString()).isEqualTo("4700123452");
        assertThat(me.json().get("prefill").get("organisationName").asString())
                .isEqualTo("Hợp tác xã Miến dong Côn Minh");
        Api.Response otherTaxCode = demo.post(
                "/api/v1/me/organisation",
                Map.of(
                        "taxCode",
                        IdentityFixtures.aTaxCode(),
                        "name",
                        "X",
                        "type",
                        "COOPERATIVE",
                        "address",
                        "Y",
                        "communeCode",
                        "19003"),
                UUID.randomUUID().toString());
        assertThat(otherTaxCode.status())
                .as("only the tax code Keycloak asserted")
                .isEqualTo(400);
        assertThat(otherTaxCode.body()).contains("taxCode");
    }

    @Test
    void theSessionRenewsWithRotatingRefreshTokensAndSignOutEndsItAtKeycloak() {
        OidcSession session = signIn(newEnterprisePerson("phien"));
        assertThat(session.expiresIn()).isEqualTo(Keycloak.ACCESS_TOKEN_LIFETIME.toSeconds());
        String first = session.refreshToken();

        OidcSession.Answer renewed = session.refresh();

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(api(session).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(session.refreshWith(first).status())
                .as("a refresh token is used once")
                .isEqualTo(400);
        // the replay revoked the session's tokens (Keycloak's reuse detection): sign in again for the sign-out
        session = signIn(newEnterprisePerson("dangxuat"));
        String refresh = session.refreshToken();
        assertThat(session.asksForPassword())
                .as("Keycloak's session gives a code at once")
                .isFalse();

        OidcSession.Answer loggedOut = session.logout(APP + "/");

        assertThat(loggedOut.location())
                .as(loggedOut.status() + " " + loggedOut.body())
                .startsWith(APP + "/");
        assertThat(session.asksForPassword())
                .as("the next sign-in asks for the password")
                .isTrue();
        assertThat(session.refreshWith(refresh).status()).isEqualTo(400);
    }

    @Test
    void theSignInPageSpeaksTheLanguageTheAppAsks() {
        OidcSession browser = OidcSession.browser(KEYCLOAK.issuer(), "khuyencong-spa", APP + "/auth/callback");
        assertThat(browser.signInPage("en")).contains("lang=\"en\"");
        assertThat(browser.signInPage("vi")).contains("lang=\"vi\"");
    }

    @Test
    void aKeyChangeAtKeycloakIsHonouredWithinAMinute() throws Exception {
        OidcSession before = signIn(newEnterprisePerson("khoa"));
        String oldToken = before.accessToken();
        assertThat(Api.at(APP).withToken(oldToken).get("/api/v1/me").status()).isEqualTo(200);
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

        String newKid = KEYCLOAK.changeSigningKey();
        Instant changed = Instant.now();
        assertThat(newKid).isNotEqualTo(oldKid);

        OidcSession after = signIn(newEnterprisePerson("khoamoi"));
        assertThat(SignedJWT.parse(after.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(api(after).get("/api/v1/me").status())
                .as("a token of the new key at once")
                .isEqualTo(200);

        // the old token still lives (a minute) but its key is gone: refused once the service has noticed
        Instant oldExpiry =
                SignedJWT.parse(oldToken).getJWTClaimsSet().getExpirationTime().toInstant();
        Duration refusedAfter = null;
        while (Instant.now().isBefore(oldExpiry.minusSeconds(2))) {
            if (Api.at(APP).withToken(oldToken).get("/api/v1/me").status() == 401) {
                refusedAfter = Duration.between(changed, Instant.now());
                break;
            }
            Thread.sleep(1_000);
        }
        System.out.println("withdrawn key refused after " + refusedAfter);
        assertThat(refusedAfter)
                .as("refused for its key, while the token itself is still valid")
                .isNotNull();
        assertThat(refusedAfter).as("within the stated minute").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theBrowserJourneyThroughKeycloakPasses() throws Exception {
        String username = someone("trinhduyet");
        KEYCLOAK.createUser(username, "Đinh", "Thị Thu", PASSWORD, List.of("ENTERPRISE"), Map.of());
        BrowserJourneys.run(
                APP,
                Map.of(
                        "KEYCLOAK_ISSUER",
                        KEYCLOAK.issuer(),
                        "KEYCLOAK_USERNAME",
                        username,
                        "KEYCLOAK_PASSWORD",
                        PASSWORD,
                        "KEYCLOAK_TAX_CODE",
                        IdentityFixtures.aTaxCode()),
                "keycloakJourney");
    }
}

package vn.khuyencong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.OidcSession;
import vn.khuyencong.support.TestClock;

/**
 * A session of the web app with the embedded authorization server, as the browser holds it: the access token is
 * renewed with a single-use refresh token that lasts the idle limit, revoked at sign-out, and sign-out ends the
 * session at the server so the next sign-in asks for the password again.
 */
class SessionIntegrationTests extends IntegrationTest {

    static final String APP = "http://localhost:" + PORT;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    OidcSession signedIn() {
        return OidcSession.browser(APP, "khuyencong-spa", APP + "/auth/callback")
                .signIn("doanhnghiep", Api.DEMO_PASSWORD);
    }

    @Test
    void theAccessTokenIsRenewedWithASingleUseRefreshToken() {
        OidcSession session = signedIn();
        String firstRefresh = session.refreshToken();
        String firstAccess = session.accessToken();
        assertThat(firstRefresh).as("the public web app gets a refresh token").isNotBlank();

        OidcSession.Answer renewed = session.refresh();

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(session.accessToken()).isNotEqualTo(firstAccess);
        assertThat(session.refreshToken())
                .as("rotation: a new refresh token each time")
                .isNotEqualTo(firstRefresh);
        assertThat(api().withToken(session.accessToken()).get("/api/v1/me").status())
                .isEqualTo(200);
        OidcSession.Answer replay = session.refreshWith(firstRefresh);
        assertThat(replay.status()).as("a spent refresh token is refused").isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");
    }

    @Test
    void aRefreshTokenLastsTheIdleLimitOnly() {
        // issued as if 31 minutes ago: the idle limit (30 minutes) has passed when it is used
        clock.set(Instant.now().minus(Duration.ofMinutes(31)));
        OidcSession session = signedIn();
        clock.reset();

        OidcSession.Answer late = session.refresh();

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("invalid_grant");
    }

    @Test
    void aClientThatIsNotTheWebAppCannotRefresh() {
        OidcSession session = signedIn();
        OidcSession.Answer stranger = OidcSession.browser(APP, "another-client", APP + "/auth/callback")
                .refreshWith(session.refreshToken());
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.body()).contains("invalid_client");
        assertThat(session.refresh().status())
                .as("the web app's token is untouched")
                .isEqualTo(200);
    }

    @Test
    void signOutEndsTheSessionAtTheServerAndRevokesTheRefreshToken() {
        OidcSession session = signedIn();
        assertThat(session.asksForPassword())
                .as("signed in: the server gives a code at once")
                .isFalse();
        String refresh = session.refreshToken();

        assertThat(session.revokeRefreshToken().status()).isEqualTo(200);
        OidcSession.Answer loggedOut = session.logout(APP + "/");

        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(302);
        assertThat(loggedOut.location()).startsWith(APP + "/");
        assertThat(session.asksForPassword())
                .as("the next sign-in asks for the password")
                .isTrue();
        assertThat(session.refreshWith(refresh).status()).isEqualTo(400);
    }

    @Test
    void signOutWithAnIdTokenTheServerNoLongerHoldsStillSignsOut() {
        OidcSession session = signedIn();
        String first = session.idToken();
        session.refresh(); // the server now holds the new ID token only

        OidcSession.Answer loggedOut = session.logout(first, APP + "/");

        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(302);
        assertThat(loggedOut.location())
                .as("back to the app, never a raw error")
                .startsWith(APP + "/");
        assertThat(session.asksForPassword())
                .as("the session at the server ended all the same")
                .isTrue();
    }

    @Test
    void theDiscoveryDocumentOffersWhatTheWebAppUses() {
        var discovery = OidcSession.browser(APP, "khuyencong-spa", APP + "/auth/callback")
                .discovery();
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(APP + "/connect/logout");
        assertThat(discovery.get("revocation_endpoint").asString()).isEqualTo(APP + "/oauth2/revoke");
        assertThat(discovery.get("grant_types_supported").toString()).contains("refresh_token");
    }
}

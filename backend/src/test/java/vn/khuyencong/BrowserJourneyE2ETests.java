package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.BrowserJourneys;
import vn.khuyencong.support.IntegrationTest;

/**
 * The browser journeys of frontend/e2e (Playwright driving Debian's Chromium, axe on every page) against this
 * application on its embedded defaults, serving the built frontend.
 */
class BrowserJourneyE2ETests extends IntegrationTest {

    @Test
    void theBuiltFrontendIsServedWithHistoryRouting() {
        Api.Response home = api().getPage("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<div id=\"root\"");
        Api.Response deepLink = api().getPage("/tra-cuu");
        assertThat(deepLink.status()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(home.body());
    }

    @Test
    void browserJourneysPass() throws Exception {
        BrowserJourneys.run("http://localhost:" + PORT, java.util.Map.of());
    }
}

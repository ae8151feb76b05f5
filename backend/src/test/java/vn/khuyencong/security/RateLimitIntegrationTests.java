package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.identity.AuthPages;
import vn.khuyencong.identity.Http;
import vn.khuyencong.identity.IdentityFixtures;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * Sign-in, registration and the public look-up are rate limited and answer 429 with Retry-After. Each test comes
 * from a client address of its own (through the trusted proxy's X-Forwarded-For), so the buckets it empties are
 * its own; the buckets live in PostgreSQL, where every instance finds them.
 */
class RateLimitIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static String base() {
        return Http.base();
    }

    static AuthPages.Page signIn(AuthPages browser, String username, String password) {
        browser.get("/login");
        return browser.post("/login", Map.of("username", username, "password", password));
    }

    @Test
    void fiveWrongPasswordsForAnAccountBlockItsSignInForAWhile() {
        IdentityFixtures.Person officer = IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "MONITOR");
        AuthPages browser = new AuthPages(base(), IdentityFixtures.aClientAddress());
        for (int attempt = 1; attempt <= 5; attempt++) {
            AuthPages.Page failed = signIn(browser, officer.email(), "Sai-Mat-Khau-" + attempt);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.header("Location")).endsWith("/login?error");
        }

        // even the right password waits now, from any address
        AuthPages.Page blocked =
                signIn(new AuthPages(base(), IdentityFixtures.aClientAddress()), officer.email(), officer.password());

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(blocked.body()).contains("Vui lòng thử lại sau", "quá nhiều lần đăng nhập không thành công");
        assertThat(jdbc.sql("select count(*) from security_event where type = 'SIGN_IN_FAILED' and actor = ?")
                        .param(officer.email())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from security_event where type = 'SIGN_IN_THROTTLED' and actor = ?")
                        .param(officer.email())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void successfulSignInsAreNotCounted() {
        IdentityFixtures.Person officer = IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "APPROVER");
        AuthPages browser = new AuthPages(base(), IdentityFixtures.aClientAddress());
        for (int attempt = 1; attempt <= 8; attempt++) {
            AuthPages.Page signedIn = signIn(browser, officer.email(), officer.password());
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.header("Location")).doesNotContain("error");
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsBlocked() {
        AuthPages browser = new AuthPages(base(), IdentityFixtures.aClientAddress());
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(signIn(browser, "khong.co." + attempt + "@example.vn", "Doan-Bua-2026!")
                            .status())
                    .isEqualTo(302);
        }
        AuthPages.Page blocked = signIn(browser, "khong.co.21@example.vn", "Doan-Bua-2026!");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
    }

    @Test
    void registrationsFromOneAddressAreLimited() {
        AuthPages browser = new AuthPages(base(), IdentityFixtures.aClientAddress());
        browser.get("/register");
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(browser.post("/register", Map.of("taxCode", "123")).status())
                    .isEqualTo(422);
        }
        AuthPages.Page blocked = browser.post("/register", Map.of("taxCode", "123"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
        assertThat(blocked.body()).contains("quá nhiều lượt đăng ký");
    }

    @Test
    void thePublicLookUpIsLimitedPerAddressWithAProblemDetail() {
        Map<String, String> from = Map.of("X-Forwarded-For", IdentityFixtures.aClientAddress());
        // 60 a minute, refilled gradually: on a slow machine a few more get through while the first 60 are sent
        int[] lookup = {0};
        Api.Response blocked = firstRefused(
                120,
                () -> Http.send(
                        null,
                        "GET",
                        "/api/v1/public/dossiers/000.00.15.H55-260101-" + "%04d".formatted(++lookup[0]),
                        null,
                        from),
                404);

        assertThat(lookup[0]).as("lookups answered before the limit").isGreaterThan(60);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.json().get("type").asString())
                .isEqualTo("https://khuyencong.gov.vn/problems/too-many-requests");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        // another address is not affected
        assertThat(Http.send(
                                null,
                                "GET",
                                "/api/v1/public/dossiers/000.00.15.H55-260101-0061",
                                null,
                                Map.of("X-Forwarded-For", IdentityFixtures.aClientAddress()))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from rate_limit_bucket")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    /** Sends the request until it is answered otherwise than {@code answered}, at most {@code max} times. */
    static Api.Response firstRefused(int max, Supplier<Api.Response> request, int answered) {
        Api.Response response;
        int sent = 0;
        do {
            response = request.get();
            sent++;
        } while (response.status() == answered && sent < max);
        return response;
    }

    @Test
    void publicStatisticsAndOpenDataAreLimitedPerAddress() {
        Map<String, String> from = Map.of("X-Forwarded-For", IdentityFixtures.aClientAddress());
        // 120 a minute, refilled gradually; a page of an empty year costs little to answer
        int[] requests = {0};
        Api.Response blocked = firstRefused(
                240,
                () -> {
                    requests[0]++;
                    return Http.send(
                            null,
                            "GET",
                            "/api/v1/public/open-data/approved-projects.json?fromYear=2199&size=1",
                            null,
                            from);
                },
                200);

        assertThat(requests[0]).as("requests answered before the limit").isGreaterThan(120);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("detail").asString()).contains("số liệu thống kê");
        assertThat(Http.send(null, "GET", "/api/v1/public/statistics?fromYear=2199", null, from)
                        .status())
                .isEqualTo(429);
        assertThat(Http.send(
                                null,
                                "GET",
                                "/api/v1/public/statistics?fromYear=2199",
                                null,
                                Map.of("X-Forwarded-For", IdentityFixtures.aClientAddress()))
                        .status())
                .isEqualTo(200);
    }
}

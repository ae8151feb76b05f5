package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khuyencong.identity.Http;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * Every response carries the headers that keep a browser safe: a Content-Security-Policy (strict for the pages, none
 * allowed at all for the API), no MIME sniffing, no framing, a referrer policy, HSTS once TLS is in front; and only
 * the configured origins may call the API from a browser.
 */
class SecurityHeadersIntegrationTests extends IntegrationTest {

    static final String DEV_SERVER = "http://localhost:5173";

    Api.Response get(String path, Map<String, String> headers) {
        return Http.send(null, "GET", path, null, headers);
    }

    @Test
    void thePagesForbidEverythingTheyDoNotUse() {
        Api.Response login = get("/login", Map.of("Accept", "text/html"));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy"))
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "object-src 'none'",
                        "frame-ancestors 'none'",
                        "base-uri 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.header("Content-Security-Policy")).contains("form-action 'self' " + DEV_SERVER);
        // a stored PDF is previewed in a frame through an object URL made from the bytes read with the token
        assertThat(login.header("Content-Security-Policy"))
                .contains("frame-src 'self' blob:", "img-src 'self' data: blob:");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(login.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
        assertThat(login.header("Strict-Transport-Security"))
                .as("not over plain HTTP")
                .isNull();
    }

    @Test
    void theApiAllowsNoContentAndSendsNoReferrer() {
        Api.Response config = get("/api/v1/public/config", Map.of());

        assertThat(config.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(config.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(config.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(config.header("Cache-Control")).contains("no-store");
        Api.Response refused = get("/api/v1/dossiers", Map.of());
        assertThat(refused.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void swaggerUiGetsTheInlineStylesItNeedsAndNothingMore() {
        Api.Response swagger = get("/swagger-ui/index.html", Map.of("Accept", "text/html"));
        assertThat(swagger.header("Content-Security-Policy"))
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
    }

    @Test
    void hstsIsSentWhenTheProxyInFrontTerminatedTls() {
        Api.Response login = get("/login", Map.of("Accept", "text/html", "X-Forwarded-Proto", "https"));
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
    }

    @Test
    void anAllowedOriginMayCallTheApiAndTheTokenEndpoint() {
        Api.Response preflight = Http.send(
                null,
                "OPTIONS",
                "/api/v1/dossiers",
                null,
                Map.of(
                        "Origin",
                        DEV_SERVER,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(DEV_SERVER);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        Api.Response token = Http.send(
                null,
                "OPTIONS",
                "/oauth2/token",
                null,
                Map.of(
                        "Origin",
                        DEV_SERVER,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("Access-Control-Allow-Origin")).isEqualTo(DEV_SERVER);
    }

    @Test
    void anyOtherOriginIsRefused() {
        Api.Response preflight = Http.send(
                null,
                "OPTIONS",
                "/api/v1/dossiers",
                null,
                Map.of("Origin", "https://trang-gia-mao.example", "Access-Control-Request-Method", "GET"));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        Api.Response call = get("/api/v1/public/config", Map.of("Origin", "https://trang-gia-mao.example"));
        assertThat(call.status()).isEqualTo(403);
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }
}

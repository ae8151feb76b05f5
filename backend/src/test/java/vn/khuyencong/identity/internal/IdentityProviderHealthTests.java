package vn.khuyencong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** An external identity provider out of reach degrades the instance's health; it never makes it DOWN. */
class IdentityProviderHealthTests {

    static IdentityProperties external(String jwks) {
        return new IdentityProperties(
                "https://sso.example/realms/khuyencong",
                jwks,
                "realm_access.roles",
                "khuyencong-spa",
                "khuyencong-api",
                Duration.ofDays(7),
                "agency_code",
                "org",
                "org_tax_code",
                "org_name",
                Duration.ofSeconds(30),
                Duration.ofMinutes(30),
                Duration.ofHours(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
    }

    static Health health(IdentityProperties identity) {
        return new IdentityProviderHealth(
                        identity,
                        new StaticListableBeanFactory().getBeanProvider(SigningKeys.class),
                        "http://localhost:8080")
                .health();
    }

    @Test
    void anUnreachableIssuerIsDegradedNotDown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Health health = health(external("http://127.0.0.1:" + closed + "/certs"));
        assertThat(health.getStatus()).isEqualTo(new Status(IdentityProviderHealth.DEGRADED));
        assertThat(health.getStatus()).isNotEqualTo(Status.DOWN);
    }

    @Test
    void aReachableIssuerIsUp() throws IOException {
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        jwks.start();
        try {
            Health health =
                    health(external("http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs"));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
        } finally {
            jwks.stop(0);
        }
    }
}

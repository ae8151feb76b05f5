package vn.khuyencong.identity.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether tokens can be verified: the embedded server's signing key is readable, or the external issuer's key set
 * answers. An external issuer that cannot be reached makes the instance {@code DEGRADED}, not {@code DOWN}: the keys
 * already fetched keep verifying tokens, and taking every instance out of the load balancer would not bring the
 * identity provider back. Liveness and readiness never include it.
 */
@Component("identityProvider")
class IdentityProviderHealth implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final IdentityProperties identity;
    private final ObjectProvider<SigningKeys> embeddedKeys;
    private final String publicUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    IdentityProviderHealth(
            IdentityProperties identity,
            ObjectProvider<SigningKeys> embeddedKeys,
            @Value("${kc.public-url}") String publicUrl) {
        this.identity = identity;
        this.embeddedKeys = embeddedKeys;
        this.publicUrl = publicUrl;
    }

    @Override
    public Health health() {
        if (identity.embedded()) {
            SigningKeys keys = embeddedKeys.getIfAvailable();
            boolean ready = keys != null && !keys.keys().getKeys().isEmpty();
            return (ready ? Health.up() : Health.down())
                    .withDetail("issuer", publicUrl)
                    .withDetail("mode", "embedded")
                    .build();
        }
        String jwks = identity.jwkSetUri() != null && !identity.jwkSetUri().isBlank()
                ? identity.jwkSetUri()
                : identity.issuerUri() + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(jwks))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return (response.statusCode() == 200 ? Health.up() : Health.status(DEGRADED))
                    .withDetail("issuer", identity.issuerUri())
                    .withDetail("mode", "external")
                    .build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.status(DEGRADED)
                    .withDetail("issuer", identity.issuerUri())
                    .withDetail("mode", "external")
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}

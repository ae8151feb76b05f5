package vn.khuyencong.identity.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The external issuer's signing keys, from its JWKS: used for {@code key-set-refresh} and then fetched again, so a
 * key the issuer withdrew stops verifying within that time; fetched at once (at most every 5 s) when a token names a
 * key id not seen yet, so a new key is honoured as soon as the issuer signs with it; kept for up to 15 minutes while
 * the issuer cannot be reached, so an outage of the identity provider does not sign everybody out. Where the keys
 * are is read from the issuer's discovery document on first need, not at start-up.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    static final Duration REFETCH_UNKNOWN_KEY_AFTER = Duration.ofSeconds(5);
    static final Duration OUTAGE_TOLERANCE = Duration.ofMinutes(15);

    private final IdentityProperties identity;
    private final JsonMapper json;
    private volatile JWKSource<SecurityContext> source;

    private IssuerKeys(IdentityProperties identity, JsonMapper json) {
        this.identity = identity;
        this.json = json;
    }

    static ConfigurableJWTProcessor<SecurityContext> processor(IdentityProperties identity, JsonMapper json) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(
                        JWSAlgorithm.RS256,
                        JWSAlgorithm.RS384,
                        JWSAlgorithm.RS512,
                        JWSAlgorithm.PS256,
                        JWSAlgorithm.ES256,
                        JWSAlgorithm.ES384),
                new IssuerKeys(identity, json)));
        // the claims are checked by the resource server's validators (issuer, expiry, audience)
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        return processor;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return source().get(selector, context);
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> current = source;
        if (current == null) {
            synchronized (this) {
                if (source == null) {
                    source = build(keySetLocation());
                }
                current = source;
            }
        }
        return current;
    }

    private JWKSource<SecurityContext> build(URL location) {
        long ttl = identity.keySetRefresh().toMillis();
        return JWKSourceBuilder.create(location, new DefaultResourceRetriever(3_000, 3_000, 512 * 1024))
                .cache(ttl, Math.min(ttl, 5_000))
                .refreshAheadCache(false)
                .rateLimited(REFETCH_UNKNOWN_KEY_AFTER.toMillis())
                .retrying(true)
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .build();
    }

    private URL keySetLocation() throws KeySourceException {
        try {
            if (identity.jwkSetUri() != null && !identity.jwkSetUri().isBlank()) {
                return URI.create(identity.jwkSetUri()).toURL();
            }
            String discovery = identity.issuerUri().replaceAll("/+$", "") + "/.well-known/openid-configuration";
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(discovery))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode jwks = response.statusCode() == 200
                    ? json.readTree(response.body()).get("jwks_uri")
                    : null;
            if (jwks == null || !jwks.isString()) {
                throw new KeySourceException("The issuer's discovery document names no jwks_uri (" + discovery + ")");
            }
            return URI.create(jwks.asString()).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new KeySourceException("The issuer's key set address is not a URL", e);
        } catch (IOException e) {
            throw new KeySourceException("The issuer's discovery document could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeySourceException("Interrupted while reading the issuer's discovery document", e);
        }
    }
}

package vn.khuyencong.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.khuyencong.shared.RateLimits;

/**
 * Protection of the web entry points.
 *
 * @param allowedOrigins origins other than {@code kc.public-url} whose pages may call the API and the sign-in
 *        endpoints (CORS) and receive the sign-in redirect: the frontend's development server, nothing in production
 * @param rateLimits the rate limits, each per client address or per account name
 */
@ConfigurationProperties("kc.security")
record SecuritySettings(@DefaultValue List<String> allowedOrigins, RateLimitSettings rateLimits) {

    SecuritySettings {
        allowedOrigins = allowedOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .toList();
    }

    /**
     * @param signInFailuresPerClient failed sign-ins from one client address (password spraying)
     * @param signInFailuresPerAccount failed sign-ins for one account name (password guessing)
     * @param registrationPerClient registration attempts from one client address
     * @param passwordResetPerClient password reset requests from one client address
     * @param passwordResetPerAccount password reset requests naming one account name or address (each mails a
     *        link to its owner)
     * @param publicLookupPerClient public dossier look-ups from one client address (code enumeration)
     * @param publicStatisticsPerClient public statistics and open data requests from one client address (each
     *        computes a report or reads many rows)
     */
    record RateLimitSettings(
            Setting signInFailuresPerClient,
            Setting signInFailuresPerAccount,
            Setting registrationPerClient,
            Setting passwordResetPerClient,
            Setting passwordResetPerAccount,
            Setting publicLookupPerClient,
            Setting publicStatisticsPerClient) {

        RateLimits.Limit signInPerClient() {
            return signInFailuresPerClient.limit("sign-in-failures-client");
        }

        RateLimits.Limit signInPerAccount() {
            return signInFailuresPerAccount.limit("sign-in-failures-account");
        }

        RateLimits.Limit registration() {
            return registrationPerClient.limit("registration-client");
        }

        RateLimits.Limit passwordResetByClient() {
            return passwordResetPerClient.limit("password-reset-client");
        }

        RateLimits.Limit passwordResetByAccount() {
            return passwordResetPerAccount.limit("password-reset-account");
        }

        RateLimits.Limit publicLookup() {
            return publicLookupPerClient.limit("public-lookup-client");
        }

        RateLimits.Limit publicStatistics() {
            return publicStatisticsPerClient.limit("public-statistics-client");
        }
    }

    /** At most {@code capacity} in any {@code period}, refilled evenly. */
    record Setting(long capacity, Duration period) {

        RateLimits.Limit limit(String name) {
            return new RateLimits.Limit(name, capacity, period);
        }
    }
}

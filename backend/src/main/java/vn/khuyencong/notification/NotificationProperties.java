package vn.khuyencong.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail and delivery settings. An empty {@code host} means no SMTP server: mails are written to the log.
 *
 * @param publicUrl the site's base URL, for links in mails
 * @param host SMTP host; empty to log mails instead of sending them
 * @param pollInterval how often the delivery job looks for due mails
 * @param retryBase the wait after the first failure; doubled after each further one
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts attempts after which a mail is set aside as FAILED for an operator to look at
 * @param lease how long a claimed mail is reserved for the instance sending it
 * @param batchSize mails claimed at once
 * @param monitoringReminderDay day of the month from which the monthly progress-report reminder is sent
 */
@ConfigurationProperties("kc.mail")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("") String host,
        @DefaultValue("25") int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("false") boolean starttls,
        @DefaultValue("no-reply@localhost") String from,
        @DefaultValue("Khuyến công Online") String fromName,
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("PT30S") Duration retryBase,
        @DefaultValue("PT1H") Duration retryMax,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("20") int batchSize,
        @DefaultValue("25") int monitoringReminderDay) {

    boolean smtpConfigured() {
        return host != null && !host.isBlank();
    }

    /** The wait before attempt {@code attempts + 1}: base, 2×base, 4×base … up to the maximum. */
    Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = retryBase.multipliedBy(1L << doublings);
        return wait.compareTo(retryMax) > 0 || wait.isNegative() ? retryMax : wait;
    }
}

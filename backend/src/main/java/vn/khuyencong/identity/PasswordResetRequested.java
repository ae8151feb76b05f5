package vn.khuyencong.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Someone asked to reset the password of an account that has an e-mail address: the link to mail to it. Published
 * in the transaction that stores the link, for a synchronous listener to write the mail in the same transaction;
 * the link is a secret, so the event is never kept (no {@code @ApplicationModuleListener}) nor logged.
 *
 * @param link the single-use link, {@code …/password/reset?token=…}
 * @param validFor how long the link is valid, from now
 * @param expiresAt when the link stops working
 * @param resetId unique to this link: one mail per link
 */
public record PasswordResetRequested(
        String username,
        String displayName,
        String email,
        String link,
        Duration validFor,
        Instant expiresAt,
        String resetId) {

    @Override
    public String toString() {
        return "PasswordResetRequested[username=" + username + ", resetId=" + resetId + "]";
    }
}

package vn.khuyencong.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.identity.PasswordResetRequested;
import vn.khuyencong.identity.internal.UserAccounts.Account;

/**
 * "Quên mật khẩu": a person names an account, the account's mailbox receives a single-use link valid for a short
 * time, and the link sets a new password. Only the SHA-256 of a link's token is stored. Whether an account exists is
 * never told: the answer is the same and so is the work, the token being made and hashed either way. A reset ends
 * every sign-in made before it: the account's stored authorizations and sign-in sessions are removed.
 */
@Service
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    static final String LINK_PATH = "/password/reset";
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    /** A link that can still be used, and the account it resets. */
    record Pending(UUID id, UUID accountId, String username, String email) {}

    /** What a reset came to; {@code errors} (field to message) when the password was refused. */
    record Outcome(Status status, String username, Map<String, String> errors) {

        enum Status {
            INVALID_LINK,
            REFUSED,
            DONE
        }

        static final Outcome INVALID = new Outcome(Status.INVALID_LINK, null, Map.of());
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityEvents events;
    private final ApplicationEventPublisher publisher;
    private final IdentityProperties identity;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(
            JdbcClient jdbc,
            UserAccounts accounts,
            PasswordEncoder passwords,
            SecurityEvents events,
            ApplicationEventPublisher publisher,
            IdentityProperties identity,
            Clock clock,
            @Value("${kc.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.publisher = publisher;
        this.identity = identity;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * Mails a new link to the account named (by account name or e-mail address) when it is enabled and has an
     * address, in this transaction; the account's earlier unused links stop working. Otherwise nothing but the
     * audit record happens, and the caller cannot tell which.
     */
    @Transactional
    void request(String nameOrEmail, String clientIp) {
        String typed = UserAccounts.normalise(nameOrEmail);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String tokenHash = Organisations.hash(token);
        Account account = accounts.findByNameOrEmail(typed)
                .filter(Account::enabled)
                .filter(found -> found.email() != null && !found.email().isBlank())
                .orElse(null);
        if (account != null) {
            // two requests at once for one account leave one link, not two
            jdbc.sql("select id from user_account where id = ? for update")
                    .param(account.id())
                    .query(UUID.class)
                    .single();
            jdbc.sql("delete from password_reset where account_id = ? and used_at is null")
                    .param(account.id())
                    .update();
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            Duration validity = identity.passwordResetValidity();
            jdbc.sql("""
                    insert into password_reset (id, account_id, token_hash, created_at, expires_at, client_ip)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            account.id(),
                            tokenHash,
                            Timestamp.from(now),
                            Timestamp.from(now.plus(validity)),
                            clientIp)
                    .update();
            publisher.publishEvent(new PasswordResetRequested(
                    account.username(),
                    account.displayName(),
                    account.email(),
                    publicUrl + LINK_PATH + "?token=" + token,
                    validity,
                    now.plus(validity),
                    id.toString()));
        }
        events.record(
                SecurityEvents.Type.PASSWORD_RESET_REQUESTED,
                typed,
                account == null ? null : account.username(),
                clientIp,
                Map.of("mailed", account != null));
    }

    /** The link a token stands for, while it can still be used. */
    Optional<Pending> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.id, r.account_id, u.username, u.email
                from password_reset r join user_account u on u.id = r.account_id
                where r.token_hash = ? and r.used_at is null and r.expires_at > ? and u.enabled""")
                .params(Organisations.hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("email")))
                .optional();
    }

    /**
     * Sets the new password with the link, which is then spent, and ends the account's earlier sign-ins; a password
     * the policy refuses, or two that differ, change nothing.
     */
    @Transactional
    Outcome reset(String token, String password, String confirmation, String clientIp) {
        Pending pending = pending(token).orElse(null);
        if (pending == null) {
            return Outcome.INVALID;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems =
                PasswordPolicy.problems(password, pending.email() != null ? pending.email() : pending.username());
        if (!problems.isEmpty()) {
            errors.put("password", String.join(" ", problems));
        } else if (confirmation == null || !confirmation.equals(password)) {
            errors.put("passwordConfirmation", "Mật khẩu nhập lại không khớp.");
        }
        if (!errors.isEmpty()) {
            return new Outcome(Outcome.Status.REFUSED, pending.username(), errors);
        }
        // hashed before the lock is taken: bcrypt takes a while
        String passwordHash = passwords.encode(password);
        Instant now = clock.instant();
        // the row lock makes the link single-use even when it is submitted twice at once: the second waits, then
        // finds it used
        boolean unused = jdbc.sql("""
                select id from password_reset where id = ? and used_at is null and expires_at > ? for update""")
                .params(pending.id(), Timestamp.from(now))
                .query(UUID.class)
                .optional()
                .isPresent();
        if (!unused || !accounts.changePassword(pending.accountId(), passwordHash)) {
            return Outcome.INVALID;
        }
        jdbc.sql("update password_reset set used_at = ? where id = ?")
                .params(Timestamp.from(now), pending.id())
                .update();
        jdbc.sql("delete from password_reset where account_id = ? and used_at is null")
                .param(pending.accountId())
                .update();
        // whoever knew the old password signed in with it: the authorization server's stored authorizations (codes,
        // tokens) and the sign-in sessions of the account go
        int authorizations = jdbc.sql("delete from oauth2_authorization where principal_name = ?")
                .param(pending.username())
                .update();
        int sessions = jdbc.sql("delete from spring_session where principal_name = ?")
                .param(pending.username())
                .update();
        events.record(
                SecurityEvents.Type.PASSWORD_RESET,
                pending.username(),
                pending.username(),
                clientIp,
                Map.of("authorizationsRemoved", authorizations, "sessionsRemoved", sessions));
        return new Outcome(Outcome.Status.DONE, pending.username(), Map.of());
    }

    /** Links are of no use once expired; kept a day longer, the audit trail has the rest. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT4M")
    @SchedulerLock(name = "password-reset-cleanup", lockAtLeastFor = "PT5M")
    void removeExpired() {
        int removed = jdbc.sql("delete from password_reset where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY)))
                .update();
        if (removed > 0) {
            log.debug("Removed {} expired password reset links", removed);
        }
    }
}

package vn.khuyencong.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.khuyencong.shared.Rows;

/**
 * Delivers the mail outbox. Each round claims the due mails in one short statement (FOR UPDATE SKIP LOCKED: other
 * instances take other rows) and moves them a lease into the future, then sends them one by one, recording each
 * outcome. A crash after the claim leaves the mails to be retried when the lease ends: none is lost. A failure
 * waits with exponential backoff; after the last attempt the mail is set aside as FAILED.
 *
 * <p>The job's lock only spares the instances from polling together; the claim alone keeps them off each other's
 * mails. So the lock is short: an instance that dies while delivering (and cannot release it) holds up the others'
 * deliveries for at most {@link #LOCK_AT_MOST}, not for as long as a slow round could last. A round stops claiming
 * after {@link #ROUND} so that it normally ends well within the lock.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    static final String LOCK_AT_MOST = "PT1M";
    static final Duration ROUND = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final Clock clock;

    MailDelivery(JdbcClient jdbc, MailTransport transport, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
    }

    record Claimed(
            UUID id,
            String dedupKey,
            String recipient,
            String recipientName,
            String subject,
            String body,
            int attempts) {}

    /** A mail the SMTP server accepted whose SENT mark could not be written. */
    private record Accepted(UUID id, Instant at) {}

    /**
     * Mails the server accepted while their SENT mark failed (the database unreachable, or restarting): marked at the
     * start of the next rounds, before their lease ends and they would be sent a second time. Only what this instance
     * sent; lost with it if it dies, and then the lease sends them again (at least once).
     */
    private final Queue<Accepted> unmarked = new ConcurrentLinkedQueue<>();

    @Scheduled(fixedDelayString = "${kc.mail.poll-interval:PT5S}", initialDelayString = "${kc.mail.poll-interval:PT5S}")
    @SchedulerLock(name = "mail-delivery", lockAtMostFor = LOCK_AT_MOST)
    void deliverDue() {
        markAccepted();
        List<Claimed> batch;
        boolean failed = false;
        Instant roundEnds = clock.instant().plus(ROUND);
        do {
            batch = claim();
            for (int i = 0; i < batch.size(); i++) {
                Instant retryAt = deliver(batch.get(i));
                if (retryAt != null) {
                    // the server cannot be reached: the rest of the batch waits as long, without spending an
                    // attempt (and without outliving its lease while each send times out)
                    batch.subList(i + 1, batch.size()).forEach(mail -> putBack(mail, retryAt));
                    failed = true;
                    break;
                }
            }
        } while (!failed
                && batch.size() == properties.batchSize()
                && clock.instant().isBefore(roundEnds));
    }

    /** Writes the SENT marks that failed; one that still fails stays for the next round while its lease lasts. */
    private void markAccepted() {
        Instant leaseStart = clock.instant().minus(properties.lease());
        for (int i = unmarked.size(); i > 0; i--) {
            Accepted accepted = unmarked.poll();
            if (accepted == null) {
                return;
            }
            try {
                markSent(accepted.id(), accepted.at());
                log.info("Mail {} recorded as sent, once the database answered again", accepted.id());
            } catch (RuntimeException e) {
                if (accepted.at().isAfter(leaseStart)) {
                    unmarked.add(accepted);
                }
                log.warn("Mail {} was sent but still cannot be recorded as sent: {}", accepted.id(), e.getMessage());
            }
        }
    }

    private void markSent(UUID id, Instant at) {
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    private void putBack(Claimed mail, Instant at) {
        jdbc.sql(
                        "update mail_outbox set attempts = attempts - 1, next_attempt_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamp.from(at), mail.id())
                .update();
    }

    List<Claimed> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                update mail_outbox set attempts = attempts + 1, next_attempt_at = ?
                where id in (select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?
                             order by next_attempt_at limit ? for update skip locked)
                returning id, dedup_key, recipient, recipient_name, subject, body, attempts""")
                .params(Timestamp.from(now.plus(properties.lease())), Timestamp.from(now), properties.batchSize())
                .query(Rows.of(Claimed.class))
                .list();
    }

    /** @return when to try again when the server could not be reached; null when sent or failed on its own */
    private Instant deliver(Claimed mail) {
        try {
            transport.send(
                    messageId(mail.dedupKey()), mail.recipient(), mail.recipientName(), mail.subject(), mail.body());
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            boolean last = mail.attempts() >= properties.maxAttempts();
            Instant next = clock.instant().plus(properties.backoff(mail.attempts()));
            jdbc.sql("update mail_outbox set status = ?, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(
                            last ? "FAILED" : "PENDING", Timestamp.from(next),
                            error.length() > 1000 ? error.substring(0, 1000) : error, mail.id())
                    .update();
            if (last) {
                log.error(
                        "Mail {} to {} set aside after {} attempts: {}",
                        mail.id(),
                        mail.recipient(),
                        mail.attempts(),
                        error);
            } else {
                log.warn(
                        "Mail {} to {} not sent (attempt {}), retrying at {}: {}",
                        mail.id(),
                        mail.recipient(),
                        mail.attempts(),
                        next,
                        error);
            }
            return serverUnreachable(e) ? next : null;
        }
        // the server has the mail: a failure from here on is the database's, never a reason to send it again
        Instant sentAt = clock.instant();
        try {
            markSent(mail.id(), sentAt);
        } catch (RuntimeException e) {
            unmarked.add(new Accepted(mail.id(), sentAt));
            throw e;
        }
        return null;
    }

    /** A connection or authentication failure concerns every mail; a refused recipient only its own. */
    static boolean serverUnreachable(Throwable failure) {
        if (failure instanceof MailAuthenticationException) {
            return true;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof AuthenticationFailedException) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.push(messaging.getNextException());
            }
        }
        return false;
    }

    /** The same for every attempt of one mail. */
    static String messageId(String dedupKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@khuyencong>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

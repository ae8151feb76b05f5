package vn.khuyencong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class MailDeliveryTests {

    static NotificationProperties properties() {
        return new NotificationProperties(
                "http://localhost",
                "",
                25,
                "",
                "",
                false,
                "a@b",
                "x",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                20,
                Duration.ofMinutes(5),
                20,
                25);
    }

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        NotificationProperties p = properties();
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(p.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(p.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anUnreachableServerConcernsEveryMailARefusedRecipientOnlyItsOwn() {
        MessagingException connect = new MessagingException("Could not connect", new ConnectException("refused"));
        assertThat(MailDelivery.serverUnreachable(new MailSendException("Mail server connection failed", connect)))
                .isTrue();
        assertThat(MailDelivery.serverUnreachable(
                        new MailSendException("Failed messages", new SendFailedException("550 no such user"))))
                .isFalse();
    }

    @Test
    void anInstanceThatDiesWhileDeliveringHoldsUpTheOthersForAMinuteAtMost() throws Exception {
        SchedulerLock lock = MailDelivery.class.getDeclaredMethod("deliverDue").getAnnotation(SchedulerLock.class);
        Duration held = Duration.parse(lock.lockAtMostFor());
        assertThat(held).isLessThanOrEqualTo(Duration.ofMinutes(1));
        // a round ends (stops claiming) well before its lock would expire under it
        assertThat(MailDelivery.ROUND).isLessThan(held);
    }

    @Test
    void everyAttemptOfAMailCarriesTheSameMessageId() {
        assertThat(MailDelivery.messageId("dossier:1:v2:SUBMIT:doanhnghiep"))
                .isEqualTo(MailDelivery.messageId("dossier:1:v2:SUBMIT:doanhnghiep"))
                .isNotEqualTo(MailDelivery.messageId("dossier:1:v3:START_REVIEW:doanhnghiep"))
                .matches("<[0-9a-f]{32}@khuyencong>");
    }
}

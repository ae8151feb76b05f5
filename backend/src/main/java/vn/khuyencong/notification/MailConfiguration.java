package vn.khuyencong.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** SMTP when a host is configured; otherwise every mail is written to the log (the zero-setup default). */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /**
     * Jakarta Mail looks its stream provider up for every message it writes, and without this system property by a
     * ServiceLoader scan of the whole class path (jakartaee/mail-api#861): four fifths of the mail delivery's CPU.
     * Named here (Angus Mail's, the implementation on the class path at run time), it is instantiated directly.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    @Bean
    MailTransport mailTransport(NotificationProperties properties) {
        if (!properties.smtpConfigured()) {
            log.info("No SMTP server configured (KC_MAIL_HOST): e-mails are written to the log");
            return (messageId, to, toName, subject, body) ->
                    log.info("E-mail {} to {} <{}>: {}\n{}", messageId, toName, to, subject, body);
        }
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (!properties.username().isBlank()) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        Properties smtp = sender.getJavaMailProperties();
        smtp.put("mail.smtp.auth", String.valueOf(!properties.username().isBlank()));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
        smtp.put("mail.smtp.starttls.required", String.valueOf(properties.starttls()));
        smtp.put("mail.smtp.connectiontimeout", "10000");
        smtp.put("mail.smtp.timeout", "20000");
        smtp.put("mail.smtp.writetimeout", "20000");
        log.info("E-mails are sent through SMTP at {}:{}", properties.host(), properties.port());
        return (messageId, to, toName, subject, body) -> {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from(), properties.fromName());
            helper.setTo(new InternetAddress(to, toName, StandardCharsets.UTF_8.name()));
            helper.setSubject(subject);
            helper.setText(body, false);
            // JavaMailSenderImpl keeps a Message-ID that is already set
            message.setHeader("Message-ID", messageId);
            sender.send(message);
        };
    }
}

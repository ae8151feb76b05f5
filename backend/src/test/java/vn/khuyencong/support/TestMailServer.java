package vn.khuyencong.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the whole test run, started before the application so that the application
 * sends to it. A test may stop it to play an outage and start it again.
 */
public final class TestMailServer {

    public static final int PORT = freePort();

    private static GreenMail server = start();

    /** Mails received by servers stopped since the last {@link #reset()}, for {@link #received()}. */
    private static final List<MimeMessage> earlier = new ArrayList<>();

    private TestMailServer() {}

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** The mail server goes down: connections to its port are refused. */
    public static synchronized void stop() {
        keepReceived();
        server.stop();
    }

    /**
     * A fresh server on the same port (mails received before the outage are forgotten by {@link #to}; {@link
     * #received()} still has them).
     */
    public static synchronized void restart() {
        if (server.isRunning()) {
            keepReceived();
            server.stop();
        }
        server = start();
    }

    /** A fresh server on the same port that remembers nothing received before. */
    public static synchronized void reset() {
        restart();
        earlier.clear();
    }

    /** Every mail received since the last {@link #reset()}, across outages: what recipients got in all. */
    public static synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (server.isRunning()) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    private static void keepReceived() {
        if (server.isRunning()) {
            earlier.addAll(Arrays.asList(server.getReceivedMessages()));
        }
    }

    /** Every mail received so far addressed to {@code address}. */
    public static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> {
                    try {
                        Address[] recipients = message.getAllRecipients();
                        return recipients != null
                                && Arrays.stream(recipients)
                                        .anyMatch(
                                                r -> r.toString().toLowerCase().contains(address.toLowerCase()));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

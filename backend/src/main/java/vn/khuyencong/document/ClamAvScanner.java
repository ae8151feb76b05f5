package vn.khuyencong.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * clamd's INSTREAM command over TCP: the bytes go in length-prefixed chunks, clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}. Anything else (an {@code ERROR}, a closed connection, a timeout) is a failure,
 * never a verdict. Enabled with {@code kc.documents.scan.enabled=true}.
 */
final class ClamAvScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 1024;

    private final DocumentProperties.Scan settings;

    ClamAvScanner(DocumentProperties.Scan settings) {
        this.settings = settings;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Verdict scan(InputStream content) throws IOException {
        int timeout = (int) settings.timeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            try {
                out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
                byte[] buffer = new byte[CHUNK];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
                out.writeInt(0);
                out.flush();
            } catch (IOException e) {
                // clamd closes the connection when the stream passes its StreamMaxLength, after saying why
                throw new IOException("clamd stopped reading: " + replyOrNothing(socket) + " (" + e + ")", e);
            }
            return verdict(readReply(socket.getInputStream()));
        }
    }

    /** What clamd's answer to INSTREAM means. */
    static Verdict verdict(String reply) throws IOException {
        if (reply.equals("stream: OK")) {
            return new Verdict(ScanStatus.CLEAN, null);
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            String signature = reply.substring("stream: ".length(), reply.length() - " FOUND".length())
                    .strip();
            if (!signature.isEmpty()) {
                return new Verdict(ScanStatus.INFECTED, signature);
            }
        }
        throw new IOException("clamd answered: " + (reply.isEmpty() ? "nothing" : reply));
    }

    private static String replyOrNothing(Socket socket) {
        try {
            socket.setSoTimeout(1000);
            return readReply(socket.getInputStream());
        } catch (IOException e) {
            return "no answer";
        }
    }

    /** Up to the NUL that ends a reply to a {@code z} command (or the end of the connection). */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}

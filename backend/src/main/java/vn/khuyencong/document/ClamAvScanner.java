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
 * {@code stream: <signature> FOUND}. Enabled with {@code kc.documents.scan.enabled=true}.
 */
final class ClamAvScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;

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
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = content.read(buffer)) > 0) {
                out.writeInt(n);
                out.write(buffer, 0, n);
            }
            out.writeInt(0);
            out.flush();
            String reply = readReply(socket.getInputStream());
            if (reply.endsWith("OK")) {
                return new Verdict(ScanStatus.CLEAN, null);
            }
            if (reply.endsWith("FOUND")) {
                String signature = reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).strip();
                return new Verdict(ScanStatus.INFECTED, signature);
            }
            throw new IOException("clamd answered: " + reply);
        }
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < 1024) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}

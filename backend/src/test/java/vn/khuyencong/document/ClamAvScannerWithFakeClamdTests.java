package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * The clamd INSTREAM client against a stand-in clamd (ClamAV cannot be installed on these machines): it speaks the
 * protocol, and finds the EICAR test string.
 */
class ClamAvScannerWithFakeClamdTests {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @Test
    void cleanAndInfectedAreToldApart() throws Exception {
        try (ServerSocket clamd = new ServerSocket(0)) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> serve(clamd, 2));
            ClamAvScanner scanner = new ClamAvScanner(new DocumentProperties.Scan(true, "127.0.0.1", clamd.getLocalPort(),
                    Duration.ofSeconds(5)));

            VirusScanner.Verdict clean = scanner.scan(new ByteArrayInputStream(DocumentFiles.aLargePdf(200_000, 1)));
            VirusScanner.Verdict infected = scanner.scan(new ByteArrayInputStream(EICAR.getBytes(StandardCharsets.US_ASCII)));

            assertThat(clean.status()).isEqualTo(ScanStatus.CLEAN);
            assertThat(infected.status()).isEqualTo(ScanStatus.INFECTED);
            assertThat(infected.detail()).isEqualTo("Eicar-Test-Signature");
            server.get();
        }
    }

    @Test
    void anUnreachableClamdIsAnErrorNotAVerdict() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        ClamAvScanner scanner = new ClamAvScanner(new DocumentProperties.Scan(true, "127.0.0.1", port, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(DocumentFiles.PDF))).isInstanceOf(IOException.class);
    }

    /** Reads {@code zINSTREAM\0}, then length-prefixed chunks up to a zero length, and answers like clamd. */
    private static void serve(ServerSocket clamd, int connections) {
        for (int i = 0; i < connections; i++) {
            try (Socket socket = clamd.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] command = new byte[10];
                in.readFully(command);
                if (!"zINSTREAM\0".equals(new String(command, StandardCharsets.US_ASCII))) {
                    throw new IllegalStateException("unexpected command");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int length = in.readInt(); length > 0; length = in.readInt()) {
                    content.write(in.readNBytes(length));
                }
                String reply = content.toString(StandardCharsets.ISO_8859_1).contains(EICAR)
                        ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0";
                socket.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.khuyencong.support.Clamd;

/** The INSTREAM client against the real clamd: verdicts for what it can scan, failures for everything else. */
class ClamAvScannerIntegrationTests {

    final Clamd clamd = Clamd.shared();

    ClamAvScanner scannerAt(int port) {
        return new ClamAvScanner(new DocumentProperties.Scan(true, "127.0.0.1", port, Duration.ofSeconds(10)));
    }

    @Test
    void cleanAndInfectedAreToldApart() throws IOException {
        ClamAvScanner scanner = scannerAt(clamd.port());

        VirusScanner.Verdict clean = scanner.scan(new ByteArrayInputStream(DocumentFiles.aLargePdf(200_000, 1)));
        VirusScanner.Verdict infected = scanner.scan(new ByteArrayInputStream(Clamd.eicar()));

        assertThat(clean.status()).isEqualTo(ScanStatus.CLEAN);
        assertThat(infected).isEqualTo(new VirusScanner.Verdict(ScanStatus.INFECTED, Clamd.FOUND));
    }

    @Test
    void aStreamLongerThanClamdAcceptsIsAFailureNotAVerdict() {
        // 100 MiB is the StreamMaxLength of the test clamd
        InputStream tooLong = new InputStream() {
            long left = 101L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        assertThatThrownBy(() -> scannerAt(clamd.port()).scan(tooLong))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void anUnreachableClamdIsAFailureNotAVerdict() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        ClamAvScanner scanner = scannerAt(port);
        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(DocumentFiles.PDF)))
                .isInstanceOf(IOException.class);
    }
}

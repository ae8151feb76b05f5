package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What clamd's answers to INSTREAM mean: a verdict only for OK and FOUND, a failure for anything else. */
class ClamAvScannerTests {

    @Test
    void okIsClean() throws IOException {
        assertThat(ClamAvScanner.verdict("stream: OK")).isEqualTo(new VirusScanner.Verdict(ScanStatus.CLEAN, null));
    }

    @Test
    void foundIsInfectedWithTheSignatureName() throws IOException {
        assertThat(ClamAvScanner.verdict("stream: Win.Test.EICAR_HDB-1 FOUND"))
                .isEqualTo(new VirusScanner.Verdict(ScanStatus.INFECTED, "Win.Test.EICAR_HDB-1"));
        assertThat(ClamAvScanner.verdict("stream: Heuristics.Limits.Exceeded.MaxRecursion FOUND")
                        .detail())
                .isEqualTo("Heuristics.Limits.Exceeded.MaxRecursion");
    }

    @Test
    void errorsAndAnythingElseAreFailuresNeverVerdicts() {
        for (String reply : new String[] {
            "INSTREAM size limit exceeded. ERROR",
            "stream: Can't allocate memory ERROR",
            "",
            "PONG",
            "stream:  FOUND",
            "stream: OK?",
            "UNKNOWN COMMAND"
        }) {
            assertThatThrownBy(() -> ClamAvScanner.verdict(reply)).as(reply).isInstanceOf(IOException.class);
        }
    }
}

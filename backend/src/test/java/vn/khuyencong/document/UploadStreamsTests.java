package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UploadStreamsTests {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aClientTricklingUnderTheMinimumRateIsCutOffOnceTheGracePeriodIsOver() throws Exception {
        AtomicLong now = new AtomicLong();
        InputStream trickle =
                new UploadStreams.RateGuarded(new ByteArrayInputStream(new byte[1000]), 100, 10 * SECOND, now::get);
        // 10 bytes a second for the grace period: tolerated
        for (int i = 0; i < 10; i++) {
            now.addAndGet(SECOND);
            trickle.readNBytes(10);
        }
        now.addAndGet(SECOND);
        assertThatThrownBy(() -> trickle.readNBytes(10)).isInstanceOf(UploadStreams.TooSlow.class);
    }

    @Test
    void aClientAboveTheMinimumRateIsNeverCutOff() throws Exception {
        AtomicLong now = new AtomicLong();
        InputStream fast =
                new UploadStreams.RateGuarded(new ByteArrayInputStream(new byte[100_000]), 100, SECOND, now::get);
        for (int i = 0; i < 100; i++) {
            now.addAndGet(SECOND);
            assertThat(fast.readNBytes(1000)).hasSize(1000);
        }
    }

    @Test
    void measuredCountsHashesAndStopsAtTheLimit() throws Exception {
        UploadStreams.Measured measured = new UploadStreams.Measured(new ByteArrayInputStream(DocumentFiles.PDF), 1000);
        measured.readAllBytes();
        assertThat(measured.count()).isEqualTo(DocumentFiles.PDF.length);
        assertThat(measured.sha256()).isEqualTo(DocumentFiles.sha256(DocumentFiles.PDF));

        UploadStreams.Measured limited = new UploadStreams.Measured(new ByteArrayInputStream(new byte[101]), 100);
        assertThatThrownBy(limited::readAllBytes).isInstanceOf(UploadStreams.TooLarge.class);
    }
}

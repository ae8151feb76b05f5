package vn.khuyencong.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Looks for malware in a document's bytes: ClamAV's clamd, on in the production stack ({@code infra/}), off in a
 * plain local run unless {@code KC_CLAMAV_ENABLED=true}.
 */
interface VirusScanner {

    /** Whether documents are scanned at all; when not, they are recorded as {@link ScanStatus#NOT_SCANNED}. */
    boolean enabled();

    /**
     * Scans the stream to its end.
     *
     * @return {@link ScanStatus#CLEAN} or {@link ScanStatus#INFECTED}, with the scanner's words
     * @throws IOException when the scanner cannot be reached, fails or answers anything but a verdict: the document
     *         stays pending and is retried, never passed
     */
    Verdict scan(InputStream content) throws IOException;

    record Verdict(ScanStatus status, String detail) {}
}

package vn.khuyencong.document;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What uploads may be and how the stored documents are looked after ({@code kc.documents.*}).
 *
 * @param maxFileSize the largest file accepted, in one request or in parts
 * @param allowedTypes media types accepted, decided by the bytes
 * @param maxRequestParts most parts a multipart request may carry (form fields and files together)
 * @param maxPartHeaderSize most bytes of the headers of one part of a multipart request
 * @param minUploadRate a client slower than this (bytes per second, on average after the grace period) is cut off
 * @param slowUploadGrace how long a client may be slow before the rate is enforced
 * @param partSize size of the parts of a resumable upload (the last may be smaller); S3 needs at least 5 MiB
 * @param uploadSessionValidity how long an unfinished resumable upload may be resumed
 * @param orphanGrace how old an object without a row, or a row stuck in uploading, must be before the sweep removes it
 * @param sweepInterval how often the orphan sweep runs
 * @param integrityInterval how often the integrity check runs
 * @param integrityBatch how many documents one integrity run re-reads (the least recently checked first)
 * @param scan the virus scanner
 * @param inspection the limits a file is inspected against before it is kept, per family of formats
 */
@ConfigurationProperties("kc.documents")
public record DocumentProperties(
        @DefaultValue("50MB") DataSize maxFileSize,

        @DefaultValue({
            "application/pdf",
            "image/jpeg",
            "image/png",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet"
        })
        List<String> allowedTypes,

        @DefaultValue("4") int maxRequestParts,
        @DefaultValue("1KB") DataSize maxPartHeaderSize,
        @DefaultValue("4KB") DataSize minUploadRate,
        @DefaultValue("PT30S") Duration slowUploadGrace,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("P2D") Duration uploadSessionValidity,
        @DefaultValue("PT1H") Duration orphanGrace,
        @DefaultValue("PT15M") Duration sweepInterval,
        @DefaultValue("PT6H") Duration integrityInterval,
        @DefaultValue("500") int integrityBatch,
        @DefaultValue Scan scan,
        @DefaultValue Inspection inspection) {

    /**
     * What a file may hold, per family of formats ({@code kc.documents.inspection.*}).
     *
     * @param packages ZIP-based documents (DOCX, XLSX, ODT, ODS)
     * @param images photos and scans (PNG, JPEG)
     * @param pdf PDF documents
     */
    public record Inspection(
            @DefaultValue Packages packages,
            @DefaultValue Images images,
            @DefaultValue Pdf pdf) {}

    /**
     * What a ZIP-based document may hold ({@code kc.documents.inspection.packages.*}).
     *
     * @param maxEntries most entries (parts) of the package
     * @param maxEntrySize most bytes one entry may inflate to
     * @param maxTotalSize most bytes all entries together may inflate to
     * @param maxRatio highest inflated-to-compressed ratio of an entry of at least {@code ratioFrom} bytes
     * @param ratioFrom entries smaller than this may have any ratio (small XML parts compress very well)
     * @param allowMacros whether macro-enabled packages are accepted (never by default)
     */
    public record Packages(
            @DefaultValue("10000") int maxEntries,
            @DefaultValue("200MB") DataSize maxEntrySize,
            @DefaultValue("400MB") DataSize maxTotalSize,
            @DefaultValue("200") int maxRatio,
            @DefaultValue("1MB") DataSize ratioFrom,
            @DefaultValue("false") boolean allowMacros) {}

    /**
     * What a photo or a scan may be ({@code kc.documents.inspection.images.*}).
     *
     * @param maxPixels most pixels (width × height) a PNG or JPEG may declare
     */
    public record Images(@DefaultValue("100000000") long maxPixels) {}

    /**
     * What a PDF may be ({@code kc.documents.inspection.pdf.*}).
     *
     * @param maxObjects most objects its cross-reference table may list (every one is looked into)
     * @param parseMemory most heap the parser may use for buffers before it spills to a temporary file
     */
    public record Pdf(
            @DefaultValue("500000") int maxObjects,
            @DefaultValue("16MB") DataSize parseMemory) {}

    /**
     * The clamd scanner: off unless {@code kc.documents.scan.enabled=true} ({@code KC_CLAMAV_ENABLED}).
     *
     * @param enabled whether uploaded documents are sent to clamd
     * @param host clamd's host
     * @param port clamd's TCP port
     * @param timeout connect and read timeout; longer than clamd's own MaxScanTime (2 minutes in infra/), so that a
     *        slow scan ends in clamd's answer rather than in a timeout that would leave the document pending again
     */
    public record Scan(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("3310") int port,
            @DefaultValue("PT150S") Duration timeout) {}
}

package vn.khuyencong.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document's metadata; the object key is never shown to users.
 *
 * @param replacesId the version this one replaces (a supplement after submission), or null
 * @param scanStatus what the virus scanner said
 * @param integrityFailedAt when the integrity check found the stored bytes no longer match the SHA-256, or null
 */
public record Document(
        UUID id,
        UUID dossierId,
        String documentType,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt,
        UUID replacesId,
        ScanStatus scanStatus,
        Instant integrityFailedAt) {}

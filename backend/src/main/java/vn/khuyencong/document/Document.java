package vn.khuyencong.document;

import java.time.Instant;
import java.util.UUID;

/** A stored document's metadata; the object key is never shown to users. */
public record Document(UUID id, UUID dossierId, String documentType, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}

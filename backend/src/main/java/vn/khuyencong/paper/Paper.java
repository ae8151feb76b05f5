package vn.khuyencong.paper;

import java.time.Instant;
import java.util.UUID;

/** An issued paper as listed on its dossier's page. */
public record Paper(
        UUID id,
        String code,
        UUID dossierId,
        PaperKind kind,
        String title,
        String form,
        String sha256,
        long sizeBytes,
        Instant issuedAt,
        String verificationUrl) {}

package vn.khuyencong.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dossier as read from the database; its status only changes through the workflow. */
public record Dossier(UUID id, String code, UUID organisationId, String agencyCode, Programme programme,
        String contentCode, String title, long requestedSupport, DossierStatus status, long version,
        String createdBy, Instant createdAt, Instant updatedAt, Instant submittedAt, LocalDate appointmentDate) {
}

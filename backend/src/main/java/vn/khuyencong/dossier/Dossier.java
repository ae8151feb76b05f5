package vn.khuyencong.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A dossier as read from the database; its status only changes through the workflow. */
public record Dossier(
        UUID id,
        String code,
        UUID organisationId,
        String agencyCode,
        Programme programme,
        UUID fundingCallId,
        String contentCode,
        String supportKind,
        String title,
        String communeCode,
        Long totalBudget,
        long requestedSupport,
        Long counterpartFunds,
        LocalDate startsOn,
        LocalDate endsOn,
        String expectedOutcomes,
        Map<String, Object> formData,
        DossierStatus status,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        LocalDate appointmentDate,
        String assignedReviewer) {}

package vn.khuyencong.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transition decided by the workflow, to be written onto the dossier row if nobody changed it meanwhile.
 * {@code code} and {@code submittedAt} are set only by the submission; {@code appointmentDate} and
 * {@code processingStartedOn} only when the transition (re)starts or moves the processing clock;
 * {@code assignedReviewer} only when it assigns the dossier.
 */
public record StateChange(
        UUID dossierId,
        long expectedVersion,
        DossierStatus from,
        DossierStatus to,
        Instant at,
        String code,
        Instant submittedAt,
        LocalDate appointmentDate,
        LocalDate processingStartedOn,
        String assignedReviewer) {}

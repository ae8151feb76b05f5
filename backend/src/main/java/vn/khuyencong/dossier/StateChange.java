package vn.khuyencong.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transition decided by the workflow, to be written onto the dossier row if nobody changed it meanwhile.
 * {@code code}, {@code submittedAt} and {@code appointmentDate} are set only when the transition issues them.
 */
public record StateChange(UUID dossierId, long expectedVersion, DossierStatus from, DossierStatus to,
        Instant at, String code, Instant submittedAt, LocalDate appointmentDate) {
}

package vn.khuyencong.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dossier as its owner and the handling officers see it over the API. */
public record DossierView(UUID id, String code, String title, String contentCode, Programme programme,
        long requestedSupport, DossierStatus status, String statusName, Integer portalStatusCode,
        String agencyCode, Instant createdAt, Instant updatedAt, Instant submittedAt, LocalDate appointmentDate,
        long version) {

    public static DossierView of(Dossier d) {
        return new DossierView(d.id(), d.code(), d.title(), d.contentCode(), d.programme(), d.requestedSupport(),
                d.status(), d.status().label(), d.status().portalCode(), d.agencyCode(), d.createdAt(),
                d.updatedAt(), d.submittedAt(), d.appointmentDate(), d.version());
    }
}

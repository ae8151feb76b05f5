package vn.khuyencong.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dossier was received: it has its code and appointment date. */
public record DossierSubmitted(UUID dossierId, String code, Instant submittedAt, LocalDate appointmentDate) {}

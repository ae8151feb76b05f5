package vn.khuyencong.workflow;

import java.time.Instant;
import java.util.UUID;
import vn.khuyencong.dossier.DossierStatus;

/** Published after every transition, for the modules that react to them (notifications, statistics). */
public record DossierTransitioned(
        UUID dossierId, DossierEvent event, DossierStatus from, DossierStatus to, String actor, Instant at) {}

package vn.khuyencong.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** A project's monthly progress report was not filed by its due date; both the enterprise and the agency are told. */
public record ProgressReportOverdue(
        UUID dossierId,
        String dossierCode,
        UUID organisationId,
        String agencyCode,
        YearMonth period,
        LocalDate dueOn) {}

package vn.khuyencong.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything monitoring recorded on a project, as the enterprise and the officers both see it. {@code started} is
 * false (and the lists empty) until monitoring has started.
 */
record MonitoringView(
        UUID dossierId,
        String status,
        boolean started,
        LocalDate startedOn,
        Long approvedAmount,
        long advancesPaid,
        long paymentsMade,
        long totalPaid,
        Long remaining,
        Integer progressPercent,
        AdvanceCeiling advanceCeiling,
        int reportDueDay,
        LocalDate nextReportDue,
        boolean overdue,
        LocalDate overdueSince,
        List<String> missingPeriods,
        LocalDate endsOn,
        String communeCode,
        String contentNote,
        List<Milestone> plan,
        List<Report> reports,
        List<Inspection> inspections,
        List<Disbursement> disbursements,
        List<ChangeRequest> changeRequests,
        List<Notice> notices,
        Acceptance acceptance,
        Settlement settlement) {

    /** The advance rule of the project's kind of support and what it allows now. */
    record AdvanceCeiling(
            int maxPercent, Integer progressOverPercent, String legalBasis, long ceiling, boolean progressReached) {}

    record Milestone(long id, int position, String title, LocalDate dueOn, String promisedOutcome) {}

    record Report(
            long id,
            String period,
            long spentAmount,
            long counterpartInvested,
            String note,
            boolean late,
            String submittedBy,
            Instant submittedAt,
            List<MilestoneProgress> milestones,
            List<UUID> evidenceDocumentIds) {}

    record MilestoneProgress(long milestoneId, int percentDone, String note) {}

    record Inspection(
            long id,
            LocalDate inspectedOn,
            String findings,
            String conclusion,
            String correctiveAction,
            LocalDate correctiveDueOn,
            String inspector,
            Instant recordedAt,
            List<UUID> photoDocumentIds) {}

    record Disbursement(
            long id,
            String kind,
            long amount,
            LocalDate paidOn,
            String reference,
            String recordedBy,
            Instant recordedAt) {}

    record ChangeRequest(
            long id,
            String kind,
            String reason,
            Long proposedAmount,
            LocalDate proposedEndsOn,
            String proposedCommuneCode,
            String proposedContent,
            String status,
            String requestedBy,
            Instant requestedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionComment) {}

    record Notice(long id, String kind, String period, String message, Instant createdAt) {}

    record Acceptance(
            LocalDate acceptedOn,
            int workersTrained,
            int machinesInstalled,
            int machinesWorking,
            int products,
            int fairsAttended,
            long counterpartRealised,
            String conclusion,
            String recordedBy,
            Instant recordedAt) {}

    record Settlement(
            String outcome,
            long approvedAmount,
            long advancesPaid,
            long paymentsMade,
            long totalSupportPaid,
            long counterpartRealised,
            int workersTrained,
            int machinesInstalled,
            int machinesWorking,
            int products,
            int fairsAttended,
            LocalDate settledOn,
            Instant settledAt) {}
}

package vn.khuyencong.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A dossier as its owner and the handling officers see it over the API. */
public record DossierView(
        UUID id,
        String code,
        String title,
        String contentCode,
        Programme programme,
        UUID fundingCallId,
        String supportKind,
        String communeCode,
        Long totalBudget,
        long requestedSupport,
        Long counterpartFunds,
        LocalDate startsOn,
        LocalDate endsOn,
        String expectedOutcomes,
        Map<String, Object> answers,
        DossierStatus status,
        String statusName,
        Integer portalStatusCode,
        String agencyCode,
        String assignedReviewer,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        LocalDate appointmentDate,
        Deadlines.State deadline,
        boolean overdue,
        long version,

        @Schema(description = "Người đang xem còn được sửa biểu mẫu và giấy tờ của hồ sơ không")
        boolean editable,

        @Schema(description = "Các thao tác quy trình người đang xem được thực hiện với hồ sơ ở trạng thái hiện tại")
        List<String> allowedEvents) {

    static DossierView of(Dossier d, Deadlines deadlines, boolean editable, List<String> allowedEvents) {
        Deadlines.State deadline = deadlines.of(d);
        return new DossierView(
                d.id(),
                d.code(),
                d.title(),
                d.contentCode(),
                d.programme(),
                d.fundingCallId(),
                d.supportKind(),
                d.communeCode(),
                d.totalBudget(),
                d.requestedSupport(),
                d.counterpartFunds(),
                d.startsOn(),
                d.endsOn(),
                d.expectedOutcomes(),
                d.formData(),
                d.status(),
                d.status().label(),
                d.status().portalCode(),
                d.agencyCode(),
                d.assignedReviewer(),
                d.createdAt(),
                d.updatedAt(),
                d.submittedAt(),
                d.appointmentDate(),
                deadline,
                deadline == Deadlines.State.OVERDUE,
                d.version(),
                editable,
                List.copyOf(allowedEvents));
    }
}

package vn.khuyencong.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * A dossier as read from the database, with the rules that depend on it alone: who owns it and when its form and
 * papers may still change. Its status only changes through the workflow.
 */
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
        String assignedReviewer) {

    /** The states in which the enterprise may still change the form and the papers. */
    private static final Set<DossierStatus> EDITABLE = Set.of(DossierStatus.DRAFT, DossierStatus.SUPPLEMENT_REQUESTED);

    /** The user belongs to the organisation the dossier is filed in the name of. */
    public boolean isOwnedBy(CurrentUser user) {
        return organisationId.equals(user.organisationId());
    }

    /** Only a draft, or a dossier the agency asked to supplement, can still be changed. */
    public boolean isEditable() {
        return EDITABLE.contains(status);
    }

    public boolean isEditableBy(CurrentUser user) {
        return isOwnedBy(user) && isEditable();
    }

    /**
     * Refuses unless {@code user} may change the form or the papers now; {@code what} names the change in the
     * owner refusal, e.g. "sửa hồ sơ".
     */
    public void requireEditableBy(CurrentUser user, String what) {
        if (!isOwnedBy(user)) {
            throw ProblemException.ruleViolated("owner", "Chỉ tổ chức đứng tên hồ sơ mới được " + what + ".");
        }
        if (!isEditable()) {
            throw ProblemException.ruleViolated(
                    "form-locked", "Hồ sơ đã nộp: chỉ được sửa khi là bản nháp hoặc khi cơ quan yêu cầu bổ sung.");
        }
    }
}

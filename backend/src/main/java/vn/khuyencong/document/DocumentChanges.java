package vn.khuyencong.document;

import java.util.Set;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * Who may change a dossier's own documents, and when: only the organisation that files it, adding while it is a
 * draft or a supplement is requested, deleting only while it is a draft (after submission documents are kept, and
 * supplements add versions).
 */
enum DocumentChanges {
    UPLOAD(
            "Chỉ tổ chức nộp hồ sơ mới được tải tài liệu lên.",
            Set.of(DossierStatus.DRAFT, DossierStatus.SUPPLEMENT_REQUESTED),
            "documents-locked",
            "Hồ sơ đã nộp: chỉ được bổ sung tài liệu khi cơ quan yêu cầu bổ sung."),
    DELETE(
            "Chỉ tổ chức nộp hồ sơ mới được xoá tài liệu.",
            Set.of(DossierStatus.DRAFT),
            "documents-immutable",
            "Hồ sơ đã nộp: tài liệu không được xoá. Khi được yêu cầu bổ sung, hãy tải lên phiên bản mới thay thế.");

    private final String ownerOnly;
    private final Set<DossierStatus> open;
    private final String lockedRule;
    private final String locked;

    DocumentChanges(String ownerOnly, Set<DossierStatus> open, String lockedRule, String locked) {
        this.ownerOnly = ownerOnly;
        this.open = open;
        this.lockedRule = lockedRule;
        this.locked = locked;
    }

    /**
     * Checks that {@code user} may make this change to the documents of {@code dossier} now.
     *
     * @throws ProblemException 409 {@code owner-only} when the dossier is not the user's organisation's, 409 when
     *         its state does not allow the change
     */
    void check(Dossier dossier, CurrentUser user) {
        if (!dossier.isOwnedBy(user)) {
            throw ProblemException.ruleViolated("owner-only", ownerOnly);
        }
        if (!open.contains(dossier.status())) {
            throw ProblemException.ruleViolated(lockedRule, locked);
        }
    }
}

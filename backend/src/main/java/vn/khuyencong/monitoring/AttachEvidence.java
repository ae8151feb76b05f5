package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.requireMonitored;
import static vn.khuyencong.monitoring.ProjectMonitoring.requireOwnerOrMonitor;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.khuyencong.document.Document;
import vn.khuyencong.document.MultipartUploads;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * The enterprise or a monitor uploads evidence (site photos, contracts, invoices, acceptance minutes) of a
 * monitored project. The bytes stream like any upload (no transaction held while they travel); the rule is this
 * module's.
 */
@Service
class AttachEvidence {

    static final Set<String> EVIDENCE_TYPES =
            Set.of("EVIDENCE_PHOTO", "EVIDENCE_CONTRACT", "EVIDENCE_INVOICE", "ACCEPTANCE_MINUTES");

    private final MultipartUploads uploads;

    AttachEvidence(MultipartUploads uploads) {
        this.uploads = uploads;
    }

    Document attach(UUID dossierId, HttpServletRequest request, CurrentUser user) {
        return uploads.receive(dossierId, request, user, (dossier, documentType) -> {
            requireOwnerOrMonitor(dossier, user);
            if (!EVIDENCE_TYPES.contains(documentType)) {
                throw ProblemException.invalidField(
                        "documentType",
                        "Loại tài liệu minh chứng phải là ảnh hiện trường, hợp đồng, hóa đơn chứng từ hoặc biên bản nghiệm thu.");
            }
            requireMonitored(dossier);
        });
    }
}

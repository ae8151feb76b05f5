package vn.khuyencong.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.workflow.DossierHistory;

@RestController
@Tag(name = "Tra cứu", description = "Tra cứu công khai tình trạng hồ sơ theo mã hồ sơ")
class PublicLookupController {

    /** Circular 01/2018/TT-VPCP Art. 19: unit code, date, daily number. */
    static final Pattern CODE = Pattern.compile("^[0-9A-Z.]{1,40}-\\d{6}-\\d{4}$");

    private final Dossiers dossiers;
    private final DossierHistory history;

    PublicLookupController(Dossiers dossiers, DossierHistory history) {
        this.dossiers = dossiers;
        this.history = history;
    }

    record TimelineStep(DossierStatus status, String statusName, Instant at) {}

    record PublicDossier(
            String code,
            DossierStatus status,
            String statusName,
            Integer portalStatusCode,
            Instant submittedAt,
            LocalDate appointmentDate,
            List<TimelineStep> timeline) {}

    @GetMapping("/api/v1/public/dossiers/{code}")
    @Operation(summary = "Tra cứu tình trạng hồ sơ theo mã (không cần đăng nhập)")
    @Transactional(readOnly = true) // one snapshot; on the read replica when one is configured
    PublicDossier lookup(@PathVariable String code) {
        String normalised = code.strip().toUpperCase();
        // unknown and malformed codes answer alike
        Dossier dossier = (CODE.matcher(normalised).matches()
                        ? dossiers.findByCode(normalised)
                        : Optional.<Dossier>empty())
                .orElseThrow(() ->
                        ProblemException.notFound("Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã hồ sơ."));
        List<TimelineStep> timeline = new ArrayList<>();
        // state changes only: assignments and other internal steps are not public
        history.of(dossier.id()).stream()
                .filter(entry -> entry.from() != entry.to())
                .forEach(entry ->
                        timeline.add(new TimelineStep(entry.to(), entry.to().label(), entry.occurredAt())));
        return new PublicDossier(
                dossier.code(),
                dossier.status(),
                dossier.status().label(),
                dossier.status().portalCode(),
                dossier.submittedAt(),
                dossier.appointmentDate(),
                timeline);
    }
}

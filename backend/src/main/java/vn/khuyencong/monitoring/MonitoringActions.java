package vn.khuyencong.monitoring;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.khuyencong.identity.CurrentUser;

/**
 * The monitor's use cases for other modules (loading a demo dataset): the same rules and history as over HTTP,
 * because each call goes through the use case itself ({@link RecordDisbursement}, {@link AcceptProject}).
 */
@Service
public class MonitoringActions {

    /** What an acceptance record says was achieved; 0 where the content has none of it. */
    public record Achieved(
            int workersTrained, int machinesInstalled, int machinesWorking, int products, int fairsAttended) {}

    private final RecordDisbursement recordDisbursement;
    private final AcceptProject acceptProject;

    MonitoringActions(RecordDisbursement recordDisbursement, AcceptProject acceptProject) {
        this.recordDisbursement = recordDisbursement;
        this.acceptProject = acceptProject;
    }

    /** A payment for work done (thanh toán), within the approved support. */
    public void recordPayment(UUID dossierId, long amount, LocalDate paidOn, String reference, CurrentUser monitor) {
        recordDisbursement.record(
                dossierId,
                new MonitoringForms.Disbursement(MonitoringForms.DisbursementKind.PAYMENT, amount, paidOn, reference),
                monitor);
    }

    /** The acceptance record; the dossier becomes COMPLETED and its settlement figures are frozen. */
    public void accept(
            UUID dossierId,
            LocalDate acceptedOn,
            Achieved achieved,
            long counterpartRealised,
            String conclusion,
            CurrentUser monitor) {
        acceptProject.accept(
                dossierId,
                new MonitoringForms.Acceptance(
                        acceptedOn,
                        new MonitoringForms.Outcomes(
                                achieved.workersTrained(),
                                achieved.machinesInstalled(),
                                achieved.machinesWorking(),
                                achieved.products(),
                                achieved.fairsAttended()),
                        counterpartRealised,
                        conclusion),
                monitor);
    }
}

package vn.khuyencong.monitoring;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.monitoring.Projects.LatestReport;
import vn.khuyencong.monitoring.Projects.Project;
import vn.khuyencong.monitoring.Projects.Totals;
import vn.khuyencong.shared.Rows;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.AcceptanceRecords;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierTransitioned;

/**
 * Follows the workflow's transitions inside their own transaction: monitoring starts with START_MONITORING, and
 * the settlement figures are frozen by ACCEPT (from the acceptance record) or TERMINATE (from the last progress
 * report). A failure here rolls the transition back.
 */
@Component
class Settlements implements AcceptanceRecords {

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Projects projects;
    private final ApplicationEventPublisher events;

    Settlements(JdbcClient jdbc, Dossiers dossiers, Projects projects, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.projects = projects;
        this.events = events;
    }

    @Override
    public boolean recorded(UUID dossierId) {
        return projects.acceptanceRecorded(dossierId);
    }

    @EventListener
    void on(DossierTransitioned transition) {
        if (transition.event() != DossierEvent.START_MONITORING
                && transition.event() != DossierEvent.ACCEPT
                && transition.event() != DossierEvent.TERMINATE) {
            return;
        }
        Dossier dossier = dossiers.find(transition.dossierId()).orElseThrow();
        LocalDate day = transition.at().atZone(VietnamTime.ZONE).toLocalDate();
        if (transition.event() == DossierEvent.START_MONITORING) {
            projects.start(dossier, day);
            return;
        }
        freeze(dossier, transition.event() == DossierEvent.ACCEPT ? "COMPLETED" : "TERMINATED", day, transition);
    }

    private void freeze(Dossier dossier, String outcome, LocalDate day, DossierTransitioned transition) {
        Project project = projects.lock(dossier, day);
        Totals totals = projects.totals(dossier.id());
        MonitoringView.Acceptance acceptance = "COMPLETED".equals(outcome)
                ? jdbc.sql("""
                        select accepted_on, workers_trained, machines_installed, machines_working, products,
                               fairs_attended, counterpart_realised, conclusion, recorded_by, recorded_at
                        from acceptance_record where dossier_id = ?""")
                        .param(dossier.id())
                        .query(Rows.of(MonitoringView.Acceptance.class))
                        .single()
                : null;
        long counterpart = acceptance != null
                ? acceptance.counterpartRealised()
                : projects.latestReport(dossier.id())
                        .map(LatestReport::counterpartInvested)
                        .orElse(0L);
        jdbc.sql("""
                insert into settlement (dossier_id, outcome, agency_code, programme, content_code, support_kind,
                       commune_code, approved_amount, advances_paid, payments_made, total_support_paid,
                       counterpart_realised, workers_trained, machines_installed, machines_working, products,
                       fairs_attended, settled_on, settled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        dossier.id(),
                        outcome,
                        dossier.agencyCode(),
                        dossier.programme().name(),
                        dossier.contentCode(),
                        dossier.supportKind(),
                        project.communeCode(),
                        project.approvedAmount(),
                        totals.advances(),
                        totals.payments(),
                        totals.total(),
                        counterpart,
                        acceptance == null ? 0 : acceptance.workersTrained(),
                        acceptance == null ? 0 : acceptance.machinesInstalled(),
                        acceptance == null ? 0 : acceptance.machinesWorking(),
                        acceptance == null ? 0 : acceptance.products(),
                        acceptance == null ? 0 : acceptance.fairsAttended(),
                        acceptance == null ? day : acceptance.acceptedOn(),
                        Projects.ts(transition.at()))
                .update();
        projects.setOverdueSince(dossier.id(), null);
        events.publishEvent(new ProjectSettled(dossier.id(), outcome, totals.total(), counterpart, day));
    }
}

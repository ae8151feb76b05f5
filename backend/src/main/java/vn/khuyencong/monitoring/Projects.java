package vn.khuyencong.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.shared.Rows;
import vn.khuyencong.workflow.ProcessingRecords;

/** The rows of a project under monitoring, read and written for the use cases of this module. */
@Component
class Projects {

    /** A project under monitoring: the approved support as amended by decided change requests. */
    record Project(
            UUID dossierId,
            LocalDate startedOn,
            long approvedAmount,
            LocalDate endsOn,
            String communeCode,
            String contentNote,
            LocalDate overdueSince) {}

    record Totals(long advances, long payments) {

        long total() {
            return advances + payments;
        }
    }

    record LatestReport(YearMonth period, long spentAmount, long counterpartInvested) {}

    private final JdbcClient jdbc;
    private final ProcessingRecords records;

    Projects(JdbcClient jdbc, ProcessingRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** Starts monitoring a project (once): the approved amount is the decision's. */
    void start(Dossier dossier, LocalDate on) {
        long approved = records.decision(dossier.id())
                .map(ProcessingRecords.Decision::approvedAmount)
                .orElse(0L);
        jdbc.sql("""
                insert into monitored_project (dossier_id, started_on, approved_amount, ends_on, commune_code)
                values (?, ?, ?, ?, ?) on conflict (dossier_id) do nothing""")
                .params(dossier.id(), on, approved, dossier.endsOn(), dossier.communeCode())
                .update();
    }

    Optional<Project> find(UUID dossierId) {
        return jdbc.sql("""
                select dossier_id, started_on, approved_amount, ends_on, commune_code, content_note, overdue_since
                from monitored_project where dossier_id = ?""").param(dossierId).query(Rows.of(Project.class)).optional();
    }

    /**
     * The dossier's plan, locked until the transaction ends (it may have no row yet, so the lock is an advisory one
     * on the dossier's id): two copies of one plan are written one after the other, never interleaved.
     */
    void lockPlan(UUID dossierId) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .params(PLAN_LOCK, dossierId.toString())
                .query((rs, n) -> 1)
                .single();
    }

    /** First half of the plan locks' key ("plan"), apart from the other advisory locks. */
    private static final int PLAN_LOCK = 0x706c_616e;

    /** The project's row, locked until the transaction ends: money rules are checked one request at a time. */
    Project lock(Dossier dossier, LocalDate today) {
        start(dossier, today);
        return jdbc.sql("""
                select dossier_id, started_on, approved_amount, ends_on, commune_code, content_note, overdue_since
                from monitored_project where dossier_id = ? for update""").param(dossier.id()).query(Rows.of(Project.class)).single();
    }

    /** Whether a payment voucher of this reference is already recorded for the project (case and spaces aside). */
    boolean voucherRecorded(UUID dossierId, String reference) {
        return jdbc.sql(
                        "select exists (select 1 from disbursement where dossier_id = ? and lower(btrim(reference)) = lower(btrim(?)))")
                .params(dossierId, reference)
                .query(Boolean.class)
                .single();
    }

    Totals totals(UUID dossierId) {
        return jdbc.sql("""
                select coalesce(sum(amount) filter (where kind = 'ADVANCE'), 0) as advances,
                       coalesce(sum(amount) filter (where kind = 'PAYMENT'), 0) as payments
                from disbursement where dossier_id = ?""").param(dossierId).query(Rows.of(Totals.class)).single();
    }

    Optional<LatestReport> latestReport(UUID dossierId) {
        return jdbc.sql("""
                select period, spent_amount, counterpart_invested from progress_report where dossier_id = ?
                order by period desc limit 1""")
                .param(dossierId)
                .query((rs, n) -> new LatestReport(
                        YearMonth.from(rs.getDate("period").toLocalDate()),
                        rs.getLong("spent_amount"),
                        rs.getLong("counterpart_invested")))
                .optional();
    }

    Set<YearMonth> filedPeriods(UUID dossierId) {
        return jdbc
                .sql("select period from progress_report where dossier_id = ?")
                .param(dossierId)
                .query(LocalDate.class)
                .list()
                .stream()
                .map(YearMonth::from)
                .collect(Collectors.toSet());
    }

    List<Long> milestoneIds(UUID dossierId) {
        return jdbc.sql("select id from plan_milestone where dossier_id = ? order by position")
                .param(dossierId)
                .query(Long.class)
                .list();
    }

    void setOverdueSince(UUID dossierId, LocalDate since) {
        jdbc.sql("update monitored_project set overdue_since = ? where dossier_id = ?")
                .params(since, dossierId)
                .update();
    }

    int pendingChangeRequests(UUID dossierId) {
        return jdbc.sql("select count(*) from change_request where dossier_id = ? and status = 'PENDING'")
                .param(dossierId)
                .query(Integer.class)
                .single();
    }

    boolean acceptanceRecorded(UUID dossierId) {
        return jdbc.sql("select count(*) from acceptance_record where dossier_id = ?")
                        .param(dossierId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}

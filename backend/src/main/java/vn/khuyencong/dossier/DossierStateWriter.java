package vn.khuyencong.dossier;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The only writes of a dossier's state, for the workflow alone ({@code ModularityTests} fails when another module
 * calls them): every status change goes through {@code DossierWorkflow}, which checks the rules first.
 */
@Service
public class DossierStateWriter {

    private final JdbcClient jdbc;

    DossierStateWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a workflow transition onto the row, only if its version is still the one the workflow read.
     * Called by the workflow alone, inside its transaction.
     *
     * @return the dossier as written, or empty when another request changed it first
     */
    public Optional<Dossier> apply(StateChange change) {
        return jdbc.sql("""
                update dossier set status = ?, version = version + 1, updated_at = ?,
                       code = coalesce(?, code), submitted_at = coalesce(?, submitted_at),
                       appointment_date = case when ? then ? else appointment_date end,
                       processing_started_on = case when ? then ? else processing_started_on end,
                       assigned_reviewer = coalesce(?, assigned_reviewer)
                where id = ? and version = ? and status = ?
                returning\s""" + Dossiers.COLUMNS)
                .params(
                        change.to().name(),
                        Timestamp.from(change.at()),
                        change.code(),
                        change.submittedAt() == null ? null : Timestamp.from(change.submittedAt()),
                        change.appointmentDate() != null,
                        change.appointmentDate(),
                        change.processingStartedOn() != null,
                        change.processingStartedOn(),
                        change.assignedReviewer(),
                        change.dossierId(),
                        change.expectedVersion(),
                        change.from().name())
                .query(Dossiers::map)
                .optional();
    }

    /**
     * The next number of the agency's daily sequence: unique and gap-free, because the row stays locked until
     * the calling transaction ends (a rolled-back submission gives its number back).
     */
    public int nextSequence(String agencyCode, LocalDate day) {
        return jdbc.sql("""
                insert into dossier_code_sequence (agency_code, day, last_value) values (?, ?, 1)
                on conflict (agency_code, day) do update set last_value = dossier_code_sequence.last_value + 1
                returning last_value""").params(agencyCode, day).query(Integer.class).single();
    }
}

package vn.khuyencong.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;

/**
 * Dossiers and who may see them. Visibility is part of every query: an enterprise user reads only its
 * organisation's dossiers, an officer only the submitted dossiers of the agency he or she works for.
 */
@Service
public class Dossiers {

    private static final String COLUMNS = """
            id, code, organisation_id, agency_code, programme, content_code, title, requested_support, status, version,
            created_by, created_at, updated_at, submitted_at, appointment_date""";

    /** Placeholders: organisation id, agency code. */
    private static final String VISIBLE_TO = """
            (organisation_id = ? or (agency_code = ? and status <> 'DRAFT'))""";

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Clock clock;

    Dossiers(JdbcClient jdbc, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What an enterprise fills in to start a dossier. */
    public record NewDossier(String title, String contentCode, Programme programme, long requestedSupport) {
    }

    @Transactional
    public Dossier create(NewDossier request, CurrentUser user) {
        UUID organisation = user.has(Role.ENTERPRISE) ? user.organisation().orElse(null) : null;
        if (organisation == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Không có quyền",
                    "Chỉ tài khoản của cơ sở công nghiệp nông thôn mới được tạo hồ sơ.", List.of(), java.util.Map.of());
        }
        if (catalog.content(request.contentCode()).isEmpty()) {
            throw ProblemException.invalidField("contentCode", "Nội dung khuyến công không có trong danh mục.");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into dossier (id, organisation_id, agency_code, programme, content_code, title, requested_support,
                                     status, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(id, organisation, catalog.receivingAgency().code(), request.programme().name(),
                        request.contentCode(), request.title().strip(), request.requestedSupport(), user.username(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Dossier> findVisible(UUID id, CurrentUser user) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ? and " + VISIBLE_TO)
                .params(id, user.organisationId(), user.agencyCode())
                .query(Dossiers::map).optional();
    }

    /** Like {@link #findVisible} but a dossier the user may not see is reported exactly like a missing one. */
    public Dossier getVisible(UUID id, CurrentUser user) {
        return findVisible(id, user).orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ."));
    }

    public List<Dossier> listVisible(CurrentUser user) {
        return jdbc.sql("select " + COLUMNS + " from dossier where " + VISIBLE_TO + " order by created_at desc limit 500")
                .params(user.organisationId(), user.agencyCode())
                .query(Dossiers::map).list();
    }

    /** For the public lookup: no visibility check, the caller must expose only public fields. */
    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = ?").param(code).query(Dossiers::map).optional();
    }

    public Optional<Dossier> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ?").param(id).query(Dossiers::map).optional();
    }

    /**
     * Writes a workflow transition onto the row, only if its version is still the one the workflow read.
     * Called by the workflow alone, inside its transaction.
     *
     * @return false when another request changed the dossier first
     */
    public boolean apply(StateChange change) {
        int updated = jdbc.sql("""
                update dossier set status = ?, version = version + 1, updated_at = ?,
                       code = coalesce(?, code), submitted_at = coalesce(?, submitted_at),
                       appointment_date = coalesce(?, appointment_date)
                where id = ? and version = ? and status = ?""")
                .params(change.to().name(), Timestamp.from(change.at()), change.code(),
                        change.submittedAt() == null ? null : Timestamp.from(change.submittedAt()),
                        change.appointmentDate(), change.dossierId(), change.expectedVersion(), change.from().name())
                .update();
        return updated == 1;
    }

    /**
     * The next number of the agency's daily sequence: unique and gap-free, because the row stays locked until
     * the calling transaction ends (a rolled-back submission gives its number back).
     */
    public int nextSequence(String agencyCode, LocalDate day) {
        return jdbc.sql("""
                insert into dossier_code_sequence (agency_code, day, last_value) values (?, ?, 1)
                on conflict (agency_code, day) do update set last_value = dossier_code_sequence.last_value + 1
                returning last_value""")
                .params(agencyCode, day).query(Integer.class).single();
    }

    private static Dossier map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        java.sql.Date appointment = rs.getDate("appointment_date");
        return new Dossier(rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getObject("organisation_id", UUID.class), rs.getString("agency_code"),
                Programme.valueOf(rs.getString("programme")), rs.getString("content_code"), rs.getString("title"),
                rs.getLong("requested_support"), DossierStatus.valueOf(rs.getString("status")), rs.getLong("version"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), submitted == null ? null : submitted.toInstant(),
                appointment == null ? null : appointment.toLocalDate());
    }
}

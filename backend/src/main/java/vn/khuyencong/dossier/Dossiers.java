package vn.khuyencong.dossier;

import static vn.khuyencong.shared.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.FundingCall;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.VietnamTime;

/**
 * Dossiers and who may see them. Visibility is part of every query: an enterprise user reads only its
 * organisation's dossiers, an officer only the submitted dossiers of the agency he or she works for.
 */
@Service
public class Dossiers {

    static final String COLUMNS = """
            id, code, organisation_id, agency_code, programme, funding_call_id, content_code, support_kind, title,
            commune_code, total_budget, requested_support, counterpart_funds, starts_on, ends_on, expected_outcomes,
            form_data::text as form_data, status, version, created_by, created_at, updated_at, submitted_at,
            appointment_date, assigned_reviewer""";

    /** Placeholders: organisation id, agency code. */
    private static final String VISIBLE_TO = "(organisation_id = ? or (agency_code = ? and status <> 'DRAFT'))";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectReader FORM_DATA = JSON.readerFor(new TypeReference<Map<String, Object>>() {});

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final DossierForms forms;
    private final Clock clock;

    Dossiers(JdbcClient jdbc, Catalog catalog, DossierForms forms, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.forms = forms;
        this.clock = clock;
    }

    @Transactional
    public Dossier create(DossierForm form, CurrentUser user) {
        UUID organisation = user.has(Role.ENTERPRISE) ? user.organisation().orElse(null) : null;
        if (organisation == null) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Không có quyền",
                    "Chỉ tài khoản của cơ sở công nghiệp nông thôn mới được tạo hồ sơ.",
                    List.of(),
                    Map.of());
        }
        FundingCall call = callFor(form);
        validate(form, call);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into dossier (id, organisation_id, agency_code, programme, funding_call_id, content_code, title,
                                     requested_support, status, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, 'DRAFT', ?, ?, ?)""")
                .params(
                        id,
                        organisation,
                        call.agencyCode(),
                        form.programme().name(),
                        call.id(),
                        form.contentCode(),
                        form.title().strip(),
                        user.username(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        writeForm(id, form, call, now);
        return find(id).orElseThrow();
    }

    /** Saves a draft (or the answer to a supplement request); the version guards against a lost update. */
    @Transactional
    public Dossier update(UUID id, DossierForm form, Long expectedVersion, CurrentUser user) {
        Dossier dossier = getVisible(id, user);
        dossier.requireEditableBy(user, "sửa hồ sơ");
        if (dossier.status() == DossierStatus.SUPPLEMENT_REQUESTED
                && (!form.contentCode().equals(dossier.contentCode()) || form.programme() != dossier.programme())) {
            throw ProblemException.ruleViolated(
                    "form-locked", "Khi bổ sung hồ sơ không được đổi nội dung khuyến công hoặc chương trình.");
        }
        if (expectedVersion != null && expectedVersion != dossier.version()) {
            throw ProblemException.conflict(
                    "Hồ sơ vừa được cập nhật ở nơi khác. Vui lòng tải lại trang trước khi lưu.");
        }
        FundingCall call = dossier.status() == DossierStatus.DRAFT
                ? callFor(form)
                : catalog.fundingCall(dossier.fundingCallId()).orElse(null);
        validate(form, call);
        int updated = jdbc.sql("""
                update dossier set title = ?, content_code = ?, programme = ?, funding_call_id = ?, agency_code = ?,
                       version = version + 1 where id = ? and version = ?""")
                .params(
                        form.title().strip(),
                        form.contentCode(),
                        form.programme().name(),
                        call.id(),
                        dossier.status() == DossierStatus.DRAFT ? call.agencyCode() : dossier.agencyCode(),
                        id,
                        dossier.version())
                .update();
        if (updated == 0) {
            throw ProblemException.conflict(
                    "Hồ sơ vừa được cập nhật ở nơi khác. Vui lòng tải lại trang trước khi lưu.");
        }
        writeForm(id, form, call, clock.instant());
        return find(id).orElseThrow();
    }

    private FundingCall callFor(DossierForm form) {
        if (form.fundingCallId() != null) {
            return catalog.fundingCall(form.fundingCallId())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "fundingCallId", "Đợt tiếp nhận hồ sơ không có trong danh mục."));
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        return catalog.currentCall(form.programme().name(), today)
                .orElseThrow(() -> ProblemException.invalidField(
                        "programme", "Chương trình này hiện không có đợt tiếp nhận hồ sơ nào."));
    }

    private void validate(DossierForm form, FundingCall call) {
        var problems = forms.savingProblems(form, call);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    "Có " + problems.size() + " trường chưa hợp lệ. Vui lòng kiểm tra lại.", problems);
        }
    }

    private void writeForm(UUID id, DossierForm form, FundingCall call, Instant now) {
        jdbc.sql("""
                update dossier set support_kind = ?, commune_code = ?, total_budget = ?, requested_support = ?,
                       counterpart_funds = ?, starts_on = ?, ends_on = ?, expected_outcomes = ?, form_data = ?::jsonb,
                       updated_at = ?
                where id = ?""")
                .params(
                        form.supportKind(),
                        form.communeCode(),
                        form.totalBudget(),
                        form.requestedSupport() == null ? 0L : form.requestedSupport(),
                        form.counterpartFunds(),
                        form.startsOn(),
                        form.endsOn(),
                        blankToNull(form.expectedOutcomes()),
                        JSON.writeValueAsString(form.answers() == null ? Map.of() : form.answers()),
                        Timestamp.from(now),
                        id)
                .update();
    }

    public Optional<Dossier> findVisible(UUID id, CurrentUser user) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ? and " + VISIBLE_TO)
                .params(id, user.organisationId(), user.agencyCode())
                .query(Dossiers::map)
                .optional();
    }

    /** Like {@link #findVisible} but a dossier the user may not see is reported exactly like a missing one. */
    public Dossier getVisible(UUID id, CurrentUser user) {
        return findVisible(id, user).orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ."));
    }

    public List<Dossier> listVisible(CurrentUser user) {
        return jdbc.sql("select " + COLUMNS + " from dossier where " + VISIBLE_TO
                        + " order by created_at desc limit 500")
                .params(user.organisationId(), user.agencyCode())
                .query(Dossiers::map)
                .list();
    }

    /** An officer's work queue: the agency's dossiers in a state, the nearest deadline first. */
    public List<Dossier> queue(CurrentUser officer, DossierStatus status, String assignee, boolean unassignedOnly) {
        String agency = officer.agency()
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Không có quyền",
                        "Tài khoản chưa thuộc cơ quan xử lý hồ sơ nào.",
                        List.of(),
                        Map.of()));
        return jdbc.sql("select " + COLUMNS + " from dossier where agency_code = ? and status <> 'DRAFT'"
                        + " and (cast(? as text) is null or status = ?)"
                        + " and (cast(? as text) is null or assigned_reviewer = ?)"
                        + (unassignedOnly ? " and assigned_reviewer is null" : "")
                        + " order by appointment_date nulls last, submitted_at limit 500")
                .params(
                        agency,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        assignee,
                        assignee)
                .query(Dossiers::map)
                .list();
    }

    /** For the public lookup: no visibility check, the caller must expose only public fields. */
    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = ?")
                .param(code)
                .query(Dossiers::map)
                .optional();
    }

    public Optional<Dossier> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ?")
                .param(id)
                .query(Dossiers::map)
                .optional();
    }

    static Dossier map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        java.sql.Date appointment = rs.getDate("appointment_date");
        java.sql.Date starts = rs.getDate("starts_on");
        java.sql.Date ends = rs.getDate("ends_on");
        return new Dossier(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("agency_code"),
                Programme.valueOf(rs.getString("programme")),
                rs.getObject("funding_call_id", UUID.class),
                rs.getString("content_code"),
                rs.getString("support_kind"),
                rs.getString("title"),
                rs.getString("commune_code"),
                rs.getObject("total_budget", Long.class),
                rs.getLong("requested_support"),
                rs.getObject("counterpart_funds", Long.class),
                starts == null ? null : starts.toLocalDate(),
                ends == null ? null : ends.toLocalDate(),
                rs.getString("expected_outcomes"),
                new FormData(rs.getString("form_data"), FORM_DATA),
                DossierStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                submitted == null ? null : submitted.toInstant(),
                appointment == null ? null : appointment.toLocalDate(),
                rs.getString("assigned_reviewer"));
    }
}

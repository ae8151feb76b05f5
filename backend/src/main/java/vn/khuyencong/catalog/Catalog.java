package vn.khuyencong.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.shared.Rows;

/** Read access to the catalogue for the other modules. */
@Service
public class Catalog {

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SupportContent> contents() {
        return jdbc.sql("select code, name, legal_basis, processing_days from support_content order by sort_order")
                .query(Rows.of(SupportContent.class))
                .list();
    }

    public Optional<SupportContent> content(String code) {
        return jdbc.sql("select code, name, legal_basis, processing_days from support_content where code = ?")
                .param(code)
                .query(Rows.of(SupportContent.class))
                .optional();
    }

    public List<Agency> agencies() {
        return jdbc.sql("select code, name, province from agency where active order by code")
                .query(Rows.of(Agency.class))
                .list();
    }

    public Optional<Agency> agency(String code) {
        return jdbc.sql("select code, name, province from agency where code = ?")
                .param(code)
                .query(Rows.of(Agency.class))
                .optional();
    }

    /** The agency that receives new dossiers (one per province deployment). */
    public Agency receivingAgency() {
        return jdbc.sql("select code, name, province from agency where active order by code limit 1")
                .query(Rows.of(Agency.class))
                .optional()
                .orElseThrow(() -> new IllegalStateException("The catalogue has no active agency"));
    }

    public List<DocumentType> documentTypes() {
        return jdbc.sql("select code, name, stage, formats from document_type order by sort_order, code")
                .query(Catalog::documentType)
                .list();
    }

    public Optional<DocumentType> documentType(String code) {
        return jdbc.sql("select code, name, stage, formats from document_type where code = ?")
                .param(code)
                .query(Catalog::documentType)
                .optional();
    }

    public Set<String> requiredDocumentTypes(String contentCode) {
        return Set.copyOf(jdbc.sql("select document_type from required_document where content_code = ?")
                .param(contentCode)
                .query(String.class)
                .list());
    }

    public List<FundingCall> fundingCalls() {
        return jdbc.sql(
                        "select id, programme, year, name, agency_code, opens_on, closes_on from funding_call order by opens_on desc, programme")
                .query(Rows.of(FundingCall.class))
                .list();
    }

    public Optional<FundingCall> fundingCall(UUID id) {
        return jdbc.sql(
                        "select id, programme, year, name, agency_code, opens_on, closes_on from funding_call where id = ?")
                .param(id)
                .query(Rows.of(FundingCall.class))
                .optional();
    }

    /** The call a new dossier of the programme belongs to: the one open on {@code day}, else the next to open. */
    public Optional<FundingCall> currentCall(String programme, LocalDate day) {
        return jdbc.sql("""
                select id, programme, year, name, agency_code, opens_on, closes_on from funding_call
                where programme = ? and closes_on >= ? order by opens_on limit 1""")
                .params(programme, day)
                .query(Rows.of(FundingCall.class))
                .optional();
    }

    public List<SupportKind> supportKinds(String contentCode) {
        return jdbc.sql(
                        "select code, content_code, name, legal_basis from support_kind where content_code = ? order by sort_order")
                .param(contentCode)
                .query(Rows.of(SupportKind.class))
                .list();
    }

    public Optional<SupportKind> supportKind(String code) {
        return jdbc.sql("select code, content_code, name, legal_basis from support_kind where code = ?")
                .param(code)
                .query(Rows.of(SupportKind.class))
                .optional();
    }

    /** The cap in force on {@code day} for a kind of support. */
    public Optional<SupportCap> cap(String kindCode, LocalDate day) {
        return jdbc.sql("""
                select kind_code, effective_from, effective_to, max_percent, max_amount from support_cap
                where kind_code = ? and effective_from <= ? and (effective_to is null or effective_to >= ?)
                order by effective_from desc limit 1""")
                .params(kindCode, day, day)
                .query(Rows.of(SupportCap.class))
                .optional();
    }

    public List<SupportCap> caps(String kindCode) {
        return jdbc.sql(
                        "select kind_code, effective_from, effective_to, max_percent, max_amount from support_cap where kind_code = ? order by effective_from")
                .param(kindCode)
                .query(Rows.of(SupportCap.class))
                .list();
    }

    /** How much a priority area raises a cap, in percent of it (150 = 1.5 times). */
    public int priorityAreaCapPercent() {
        return jdbc.sql("select value from catalog_setting where key = 'priority-area-cap-percent'")
                .query(String.class)
                .optional()
                .map(Integer::parseInt)
                .orElse(100);
    }

    /** The advance rule in force on {@code day} for a kind of support. */
    public Optional<AdvanceRule> advanceRule(String kindCode, LocalDate day) {
        return jdbc.sql("""
                select kind_code, effective_from, max_percent, progress_over_percent, legal_basis from advance_rule
                where kind_code = ? and effective_from <= ? order by effective_from desc limit 1""")
                .params(kindCode, day)
                .query(Rows.of(AdvanceRule.class))
                .optional();
    }

    /**
     * How many working days after the current appointment a new one may be set, once, with an apology (15, as long
     * as the processing time itself, unless an administrator changed it).
     */
    public int rescheduleMaxWorkingDays() {
        return jdbc.sql("select value from catalog_setting where key = 'reschedule-max-working-days'")
                .query(String.class)
                .optional()
                .map(Integer::parseInt)
                .orElse(15);
    }

    /** The day of the month by which the month's progress report is due (25 unless an administrator changed it). */
    public int progressReportDueDay() {
        return jdbc.sql("select value from catalog_setting where key = 'progress-report-due-day'")
                .query(String.class)
                .optional()
                .map(Integer::parseInt)
                .orElse(25);
    }

    public List<ContentField> fields(String contentCode) {
        return jdbc.sql("""
                select content_code, field_key, label, field_type, required, min_value, max_value, help
                from content_field where content_code = ? order by sort_order""")
                .param(contentCode)
                .query((rs, n) -> new ContentField(
                        rs.getString("content_code"),
                        rs.getString("field_key"),
                        rs.getString("label"),
                        ContentField.FieldType.valueOf(rs.getString("field_type")),
                        rs.getBoolean("required"),
                        (Long) rs.getObject("min_value", Long.class),
                        (Long) rs.getObject("max_value", Long.class),
                        rs.getString("help")))
                .list();
    }

    public List<AdministrativeUnit> communes() {
        return jdbc.sql(
                        "select code, name, level, parent_code, priority_area from administrative_unit where level = 'COMMUNE' and active order by name")
                .query(Rows.of(AdministrativeUnit.class))
                .list();
    }

    public Optional<AdministrativeUnit> commune(String code) {
        return jdbc.sql(
                        "select code, name, level, parent_code, priority_area from administrative_unit where code = ? and level = 'COMMUNE' and active")
                .param(code)
                .query(Rows.of(AdministrativeUnit.class))
                .optional();
    }

    public List<ReviewCriterion> reviewCriteria() {
        return jdbc.sql("select code, name, max_score from review_criterion order by sort_order")
                .query(Rows.of(ReviewCriterion.class))
                .list();
    }

    public List<Holiday> holidays() {
        return jdbc.sql("select day, name from public_holiday order by day")
                .query(Rows.of(Holiday.class))
                .list();
    }

    private static DocumentType documentType(ResultSet rs, int row) throws SQLException {
        java.sql.Array formats = rs.getArray("formats");
        return new DocumentType(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("stage"),
                formats == null ? List.of() : List.of((String[]) formats.getArray()));
    }
}

package vn.khuyencong.shared;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What the database says when two writers meet, as the 409 the losing one gets: a unique key another request took
 * a moment earlier, a row another request removed, a lock or a serialization failure. The request's transaction is
 * rolled back whole, so nothing of it remains. A constraint that stands for a business rule names that rule.
 */
final class DatabaseConflicts {

    /** PostgreSQL's SQLSTATEs of a race rather than of a bad request: unique, foreign key, exclusion. */
    private static final Set<String> INTEGRITY_RACES = Set.of("23505", "23503", "23P01");

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    static final String CONCURRENT_CHANGE =
            "Hồ sơ vừa được người khác xử lý. Vui lòng tải lại trang để xem trạng thái mới nhất.";

    /** The constraints that are rules people can read; any other one is a plain concurrent change. */
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(
                    "dossier_decision_decision_number_key",
                    new Rule(
                            "decision-number",
                            "Số quyết định này vừa được dùng cho hồ sơ khác.",
                            "decisionNumber",
                            "Số quyết định đã tồn tại.")),
            Map.entry(
                    "organisation_tax_code_key",
                    new Rule(
                            "tax-code-unique",
                            "Mã số thuế này đã được đăng ký cho một tổ chức khác.",
                            "taxCode",
                            "Mã số thuế đã được đăng ký.")),
            Map.entry(
                    "user_account_username_key",
                    new Rule(
                            "username-unique",
                            "Tên đăng nhập này đã có người dùng.",
                            "username",
                            "Tên đăng nhập đã có người dùng.")),
            Map.entry(
                    "user_account_email",
                    new Rule(
                            "email-unique",
                            "Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.",
                            "email",
                            "Thư điện tử đã được dùng.")),
            Map.entry(
                    "progress_report_dossier_id_period_key",
                    new Rule(
                            "report-once-per-period",
                            "Báo cáo tiến độ của tháng này vừa được nộp.",
                            "period",
                            "Tháng này đã có báo cáo.")),
            Map.entry(
                    "support_cap_kind_code_effective_from_key",
                    new Rule(
                            "cap-once-per-day",
                            "Đã có mức hỗ trợ có hiệu lực từ ngày này.",
                            "effectiveFrom",
                            "Đã có mức hỗ trợ từ ngày này.")),
            Map.entry(
                    "public_holiday_pkey",
                    new Rule(
                            "holiday-once",
                            "Ngày này đã có trong lịch nghỉ.",
                            "day",
                            "Ngày này đã có trong lịch nghỉ.")),
            Map.entry("satisfaction_rating_pkey", new Rule("rating-once", "Hồ sơ này đã được đánh giá.", null, null)),
            Map.entry(
                    "disbursement_reference_once",
                    new Rule(
                            "voucher-once",
                            "Chứng từ này đã được ghi nhận cho đề án này.",
                            "reference",
                            "Chứng từ này đã được ghi nhận.")),
            Map.entry(
                    "acceptance_record_pkey",
                    new Rule("acceptance-once", "Đề án này vừa được nghiệm thu.", null, null)),
            Map.entry(
                    "supplement_request_pkey",
                    new Rule(
                            "supplement-once",
                            "Hồ sơ chỉ được yêu cầu bổ sung một lần; yêu cầu vừa được gửi.",
                            null,
                            null)));

    private record Rule(String name, String detail, String field, String fieldMessage) {}

    private DatabaseConflicts() {}

    /** The 409 for {@code e}, or empty when it is no race (a bug, a broken connection). */
    static Optional<ProblemException> of(DataAccessException e) {
        if (e instanceof ConcurrencyFailureException) {
            return Optional.of(conflict("concurrent-change", CONCURRENT_CHANGE, List.of()));
        }
        if (!(e instanceof DataIntegrityViolationException)) {
            return Optional.empty();
        }
        SQLException sql = sqlException(e);
        if (sql == null || !INTEGRITY_RACES.contains(sql.getSQLState())) {
            return Optional.empty();
        }
        Matcher constraint = CONSTRAINT.matcher(String.valueOf(sql.getMessage()));
        Rule rule = constraint.find() ? RULES.get(constraint.group(1)) : null;
        if (rule == null) {
            return Optional.of(conflict("concurrent-change", CONCURRENT_CHANGE, List.of()));
        }
        return Optional.of(conflict(
                rule.name(),
                rule.detail(),
                rule.field() == null
                        ? List.of()
                        : List.of(new ProblemException.FieldProblem(rule.field(), rule.fieldMessage()))));
    }

    private static ProblemException conflict(String rule, String detail, List<ProblemException.FieldProblem> fields) {
        return ProblemException.conflict(rule, detail, fields);
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}

package vn.khuyencong.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.AdministrativeUnit;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.ContentField;
import vn.khuyencong.catalog.FundingCall;
import vn.khuyencong.catalog.SupportCap;
import vn.khuyencong.shared.ProblemException.FieldProblem;

/**
 * The form's rules, driven by the catalogue: what a saved draft must respect, and what a submitted dossier must
 * contain. Every bad field is named, never only the first.
 */
@Component
public class DossierForms {

    private final Catalog catalog;

    DossierForms(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Problems that prevent saving, whatever the stage: wrong references, wrong types, out-of-range values. */
    List<FieldProblem> savingProblems(DossierForm form, FundingCall call) {
        List<FieldProblem> problems = new ArrayList<>();
        if (catalog.content(form.contentCode()).isEmpty()) {
            problems.add(new FieldProblem("contentCode", "Nội dung khuyến công không có trong danh mục."));
            return problems;
        }
        if (call == null) {
            problems.add(new FieldProblem(
                    form.fundingCallId() == null ? "programme" : "fundingCallId",
                    "Không có đợt tiếp nhận hồ sơ nào của chương trình này."));
        } else if (!call.programme().equals(form.programme().name())) {
            problems.add(new FieldProblem("fundingCallId", "Đợt tiếp nhận không thuộc chương trình đã chọn."));
        }
        if (form.supportKind() != null
                && catalog.supportKind(form.supportKind())
                        .filter(kind -> kind.contentCode().equals(form.contentCode()))
                        .isEmpty()) {
            problems.add(new FieldProblem("supportKind", "Loại hỗ trợ không thuộc nội dung khuyến công đã chọn."));
        }
        if (form.communeCode() != null && catalog.commune(form.communeCode()).isEmpty()) {
            problems.add(new FieldProblem("communeCode", "Xã, phường không có trong danh mục."));
        }
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            problems.add(new FieldProblem("endsOn", "Ngày kết thúc phải sau ngày bắt đầu."));
        }
        Map<String, Object> answers = form.answers() == null ? Map.of() : form.answers();
        List<ContentField> fields = catalog.fields(form.contentCode());
        for (String key : answers.keySet()) {
            if (fields.stream().noneMatch(field -> field.key().equals(key))) {
                problems.add(
                        new FieldProblem("answers." + key, "Câu hỏi này không thuộc nội dung khuyến công đã chọn."));
            }
        }
        for (ContentField field : fields) {
            Object value = answers.get(field.key());
            if (value != null) {
                String problem = typeProblem(field, value);
                if (problem != null) {
                    problems.add(new FieldProblem("answers." + field.key(), problem));
                }
            }
        }
        return problems;
    }

    /** What is still missing or inconsistent before the dossier can be submitted. */
    public List<FieldProblem> completenessProblems(Dossier d) {
        List<FieldProblem> problems = new ArrayList<>();
        require(problems, d.supportKind(), "supportKind", "Vui lòng chọn loại hỗ trợ.");
        require(problems, d.communeCode(), "communeCode", "Vui lòng chọn xã, phường nơi thực hiện.");
        require(problems, d.totalBudget(), "totalBudget", "Vui lòng nhập tổng kinh phí thực hiện.");
        require(problems, d.counterpartFunds(), "counterpartFunds", "Vui lòng nhập vốn đối ứng của cơ sở.");
        require(problems, d.startsOn(), "startsOn", "Vui lòng nhập ngày bắt đầu.");
        require(problems, d.endsOn(), "endsOn", "Vui lòng nhập ngày kết thúc.");
        if (d.expectedOutcomes() == null || d.expectedOutcomes().isBlank()) {
            problems.add(new FieldProblem("expectedOutcomes", "Vui lòng nêu kết quả dự kiến."));
        }
        if (d.requestedSupport() <= 0) {
            problems.add(new FieldProblem("requestedSupport", "Kinh phí đề nghị hỗ trợ phải lớn hơn 0."));
        }
        if (d.totalBudget() != null
                && d.counterpartFunds() != null
                && d.requestedSupport() + d.counterpartFunds() != d.totalBudget()) {
            problems.add(new FieldProblem(
                    "totalBudget", "Tổng kinh phí phải bằng kinh phí đề nghị hỗ trợ cộng vốn đối ứng."));
        }
        for (ContentField field : catalog.fields(d.contentCode())) {
            Object value = d.formData().get(field.key());
            if (field.required() && (value == null || value.toString().isBlank())) {
                problems.add(new FieldProblem("answers." + field.key(), "Vui lòng trả lời: " + field.label() + "."));
            }
        }
        return problems;
    }

    /** The most the state may pay for this dossier today, or null when it cannot be told yet. */
    public Long supportCap(Dossier d, LocalDate day) {
        if (d.supportKind() == null || d.totalBudget() == null) {
            return null;
        }
        SupportCap cap = catalog.cap(d.supportKind(), day).orElse(null);
        if (cap == null) {
            return null;
        }
        boolean priority = d.communeCode() != null
                && catalog.commune(d.communeCode())
                        .map(AdministrativeUnit::priorityArea)
                        .orElse(false);
        return cap.capFor(d.totalBudget(), priority, catalog.priorityAreaCapPercent());
    }

    private static void require(List<FieldProblem> problems, Object value, String field, String message) {
        if (value == null) {
            problems.add(new FieldProblem(field, message));
        }
    }

    private static String typeProblem(ContentField field, Object value) {
        return switch (field.type()) {
            case TEXT, LONG_TEXT ->
                value instanceof String text
                        ? (text.length() > (field.type() == ContentField.FieldType.TEXT ? 500 : 4000)
                                ? "Nội dung quá dài."
                                : null)
                        : "Vui lòng nhập chữ.";
            case INTEGER, MONEY -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    yield "Vui lòng nhập một số nguyên.";
                }
                long number = ((Number) value).longValue();
                if (field.min() != null && number < field.min()) {
                    yield "Giá trị nhỏ nhất là " + field.min() + ".";
                }
                if (field.max() != null && number > field.max()) {
                    yield "Giá trị lớn nhất là " + field.max() + ".";
                }
                yield number < 0 ? "Giá trị không được âm." : null;
            }
            case DATE -> {
                try {
                    LocalDate.parse(String.valueOf(value));
                    yield null;
                } catch (RuntimeException e) {
                    yield "Vui lòng nhập ngày theo dạng năm-tháng-ngày.";
                }
            }
            case BOOLEAN -> value instanceof Boolean ? null : "Vui lòng chọn có hoặc không.";
        };
    }
}

package vn.khuyencong.monitoring;

import static vn.khuyencong.monitoring.ProjectMonitoring.DAY;
import static vn.khuyencong.shared.Texts.vnd;

import java.time.LocalDate;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.monitoring.MonitoringForms.ChangeKind;

/** What a change request proposes: the one field of its kind. */
record ProposedChange(ChangeKind kind, Long amount, LocalDate endsOn, String communeCode, String content) {

    /** The change as the history words it, e.g. "kinh phí hỗ trợ thành 90.000.000 đồng". */
    String describe(Catalog catalog) {
        return switch (kind) {
            case BUDGET -> "kinh phí hỗ trợ thành " + vnd(amount == null ? 0 : amount);
            case TIMELINE -> "thời gian thực hiện, kết thúc ngày " + (endsOn == null ? "?" : DAY.format(endsOn));
            case SITE ->
                "địa điểm thực hiện sang "
                        + (communeCode == null
                                ? "?"
                                : catalog.commune(communeCode)
                                        .map(c -> c.name())
                                        .orElse(communeCode));
            case CONTENT -> "nội dung: " + (content == null ? "" : content.strip());
        };
    }
}

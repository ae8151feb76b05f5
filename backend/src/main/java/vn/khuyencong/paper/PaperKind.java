package vn.khuyencong.paper;

import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.workflow.DossierTransitioned;

/** The papers the service issues, with their form number (Circular 01/2018/TT-VPCP) and code prefix. */
public enum PaperKind {
    RECEIPT("Mẫu số 01", "TN", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    SUPPLEMENT_REQUEST("Mẫu số 02", "BS", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    REFUSAL("Mẫu số 03", "TC", "Phiếu từ chối giải quyết hồ sơ"),
    APOLOGY("Mẫu số 04", "XL", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    PROCESS_CONTROL("Mẫu số 05", "KS", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    DECISION(null, "QD", "Quyết định phê duyệt hỗ trợ kinh phí khuyến công");

    private final String form;
    private final String prefix;
    private final String title;

    PaperKind(String form, String prefix, String title) {
        this.form = form;
        this.prefix = prefix;
        this.title = title;
    }

    /** The form's number in the Circular's appendix, or null for the decision. */
    public String form() {
        return form;
    }

    String prefix() {
        return prefix;
    }

    public String title() {
        return title;
    }

    /** The Circular's forms are designed for A5; the decision is an A4 administrative document. */
    PDRectangle pageSize() {
        return this == DECISION ? PDRectangle.A4 : PDRectangle.A5;
    }

    /** The papers a step calls for: the receipt on submission, the decision and the control slip on approval, ... */
    public static List<PaperKind> issuedBy(DossierTransitioned event) {
        return switch (event.event()) {
            case SUBMIT, RESUBMIT -> List.of(RECEIPT);
            case REQUEST_SUPPLEMENT -> List.of(SUPPLEMENT_REQUEST);
            case RESCHEDULE -> List.of(APOLOGY);
            case REJECT -> List.of(REFUSAL, PROCESS_CONTROL);
            case APPROVE -> List.of(DECISION, PROCESS_CONTROL);
            case WITHDRAW -> event.from() != DossierStatus.DRAFT ? List.of(PROCESS_CONTROL) : List.of();
            default -> List.of();
        };
    }
}

package vn.khuyencong.dossier;

/**
 * The states of a dossier, with the Vietnamese name shown to people and the national public-service portal's
 * status code (so the system can sync with the portal).
 */
public enum DossierStatus {
    DRAFT("Bản nháp", null),
    SUBMITTED("Đã tiếp nhận", 2),
    UNDER_REVIEW("Đang thẩm định", 4),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung hồ sơ", 5),
    REVIEWED("Đã thẩm định, chờ phê duyệt", 4),
    APPROVED("Đã phê duyệt", 9),
    MONITORED("Đang giám sát thực hiện", 10),
    COMPLETED("Đã nghiệm thu", 10),
    REJECTED("Không được hỗ trợ", 9),
    WITHDRAWN("Đã rút hồ sơ", 7),
    TERMINATED("Dừng thực hiện", 8);

    private final String label;
    private final Integer portalCode;

    DossierStatus(String label, Integer portalCode) {
        this.label = label;
        this.portalCode = portalCode;
    }

    public String label() {
        return label;
    }

    /** The national portal's status code, or null for a draft the portal never sees. */
    public Integer portalCode() {
        return portalCode;
    }
}

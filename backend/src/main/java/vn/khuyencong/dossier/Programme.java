package vn.khuyencong.dossier;

/** The funding programme a dossier applies under. */
public enum Programme {
    /** Khuyến công quốc gia: national funds, registered through the province's Department. */
    NATIONAL,
    /** Khuyến công địa phương: the province's own funds. */
    LOCAL
}

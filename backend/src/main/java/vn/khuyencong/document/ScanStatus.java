package vn.khuyencong.document;

/** Where a document stands with the virus scanner. */
public enum ScanStatus {
    /** waiting for the scanner */
    PENDING,
    /** the scanner found nothing */
    CLEAN,
    /** the scanner found malware: the document cannot be submitted */
    INFECTED,
    /** scanning is switched off */
    NOT_SCANNED
}

package vn.khuyencong.identity;

/** The roles of the service; an access token carries them. */
public enum Role {
    /** A rural industrial establishment applying for support. */
    ENTERPRISE,
    /** Officer of the khuyến công centre who checks and appraises dossiers. */
    REVIEWER,
    /** Leader of the Department of Industry and Trade who decides. */
    APPROVER,
    /** Officer who inspects approved projects until acceptance. */
    MONITOR,
    /** Keeps the catalogue and officers' roles. */
    ADMIN;

    public boolean isOfficer() {
        return this == REVIEWER || this == APPROVER || this == MONITOR;
    }
}

package vn.khuyencong.workflow;

/** What someone does to a dossier; each is a transition of the workflow (some keep the state). */
public enum DossierEvent {
    SUBMIT,
    START_REVIEW,
    ASSIGN,
    REQUEST_SUPPLEMENT,
    RESUBMIT,
    RECOMMEND,
    RETURN,
    APPROVE,
    REJECT,
    RESCHEDULE,
    START_MONITORING,
    ACCEPT,
    TERMINATE,
    WITHDRAW
}

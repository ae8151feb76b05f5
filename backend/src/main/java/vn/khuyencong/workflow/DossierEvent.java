package vn.khuyencong.workflow;

/** What someone does to a dossier; each is a transition of the workflow. */
public enum DossierEvent {
    SUBMIT, START_REVIEW, REQUEST_SUPPLEMENT, RESUBMIT, RECOMMEND, RETURN, APPROVE, REJECT, START_MONITORING,
    ACCEPT, TERMINATE, WITHDRAW
}

package vn.khuyencong.workflow;

/** What is done to a dossier without changing its state; each is a row of its history like a transition. */
public enum DossierNote {
    PLAN_FILED,
    PROGRESS_REPORTED,
    REPORT_OVERDUE,
    INSPECTED,
    ADVANCE_RECORDED,
    PAYMENT_RECORDED,
    CHANGE_REQUESTED,
    CHANGE_APPROVED,
    CHANGE_REFUSED,
    ACCEPTANCE_RECORDED
}

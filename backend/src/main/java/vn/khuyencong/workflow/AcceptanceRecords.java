package vn.khuyencong.workflow;

import java.util.UUID;

/**
 * Implemented by the module that keeps acceptance records: a dossier is accepted (ACCEPT) only once its acceptance
 * record, with the outcomes achieved and the counterpart funds realised, has been written.
 */
public interface AcceptanceRecords {

    boolean recorded(UUID dossierId);
}

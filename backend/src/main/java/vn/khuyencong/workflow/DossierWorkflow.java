package vn.khuyencong.workflow;

import java.util.UUID;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;

/**
 * The only way a dossier changes state. Authorises, checks the rules of the transition, writes the new state and
 * its history row in one transaction, then publishes the event. A refusal is a 409 problem naming the rule.
 */
public interface DossierWorkflow {

    Dossier fire(UUID dossierId, DossierEvent event, CurrentUser actor, TransitionRequest request);
}

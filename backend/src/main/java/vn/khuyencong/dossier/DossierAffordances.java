package vn.khuyencong.dossier;

import java.util.List;
import vn.khuyencong.identity.CurrentUser;

/**
 * The workflow events a user is offered on a dossier, in the workflow's own order. The workflow module answers
 * it from its definition, so that the interface only shows what the server would accept from that user.
 */
public interface DossierAffordances {

    List<String> allowedEvents(Dossier dossier, CurrentUser user);
}

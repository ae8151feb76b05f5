package vn.khuyencong.dossier;

import org.springframework.stereotype.Component;
import vn.khuyencong.identity.CurrentUser;

/** Builds what a user sees of a dossier: its fields, its deadline, and what this user may do with it next. */
@Component
public class DossierViews {

    private final Deadlines deadlines;
    private final DossierAffordances affordances;

    DossierViews(Deadlines deadlines, DossierAffordances affordances) {
        this.deadlines = deadlines;
        this.affordances = affordances;
    }

    public DossierView of(Dossier dossier, CurrentUser user) {
        return DossierView.of(dossier, deadlines, dossier.isEditableBy(user), affordances.allowedEvents(dossier, user));
    }
}

/**
 * Dossiers (hồ sơ đề án khuyến công): what an enterprise applies for, who may see it, and its current state.
 * {@code Dossier} owns the rules that depend on the dossier alone (ownership, when it may still be edited);
 * {@code DossierStateWriter} writes its state for the workflow alone; {@code DossierViews} adds to each view what
 * its reader may do next, answered by the workflow through {@code DossierAffordances}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier")
package vn.khuyencong.dossier;

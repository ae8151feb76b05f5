/**
 * Dossiers (hồ sơ đề án khuyến công): what an enterprise applies for, who may see it, and its current state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier")
package vn.khuyencong.dossier;

/**
 * Public tracking: anyone looks a dossier up by its code and sees its status and timeline, no personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracking")
package vn.khuyencong.tracking;

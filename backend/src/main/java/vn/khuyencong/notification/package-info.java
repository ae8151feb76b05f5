/**
 * Notifications: every step of a dossier told to the people concerned, in the application and by e-mail, the
 * password reset link mailed to an account's owner, and a document found infected after upload told to its
 * organisation, written to a transactional outbox with the change itself and delivered with retries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package vn.khuyencong.notification;

package vn.khuyencong.notification;

import java.util.UUID;
import vn.khuyencong.identity.Contacts.Contact;

/**
 * One thing to tell one person: shown in the application and, when the person has an address, mailed.
 *
 * @param key what makes it unique (the transition or the reminder, and the recipient): written at most once
 */
record Notice(String key, Contact to, String kind, UUID dossierId, String dossierCode, String title, String body) {}

package vn.khuyencong.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.khuyencong.document.DocumentQuarantined;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.Contacts;
import vn.khuyencong.identity.Contacts.Contact;

/**
 * Tells the dossier's organisation that a document it uploaded while the virus scanner was unavailable has since
 * been found infected and blocked, in the transaction that flags it (a plain, synchronous listener).
 */
@Component
class QuarantineNotifier {

    private final Dossiers dossiers;
    private final Contacts contacts;
    private final Outbox outbox;

    QuarantineNotifier(Dossiers dossiers, Contacts contacts, Outbox outbox) {
        this.dossiers = dossiers;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    @EventListener
    void on(DocumentQuarantined event) {
        Dossier dossier = dossiers.find(event.dossierId()).orElse(null);
        if (dossier == null) {
            return;
        }
        String title = "Tệp \"" + event.fileName() + "\" bị chặn vì có mã độc";
        String body = "Khi quét virus, hệ thống phát hiện mã độc (" + event.signature() + ") trong tệp \""
                + event.fileName() + "\" của hồ sơ " + TransitionNotifier.name(dossier)
                + ". Tệp đã bị cách ly, không ai"
                + " tải xuống được, và hồ sơ chưa nộp được cho đến khi tệp này được xoá hoặc thay bằng một tệp sạch.";
        for (Contact contact : contacts.ofOrganisation(dossier.organisationId())) {
            outbox.write(new Notice(
                    "document:" + event.documentId() + ":quarantined:" + contact.username(),
                    contact,
                    "DOCUMENT_QUARANTINED",
                    dossier.id(),
                    dossier.code(),
                    title,
                    body));
        }
    }
}

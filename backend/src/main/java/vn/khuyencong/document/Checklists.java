package vn.khuyencong.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.DocumentType;
import vn.khuyencong.dossier.Dossier;

/** A dossier's checklist: which of the documents its content requires are there, and which extras it may add. */
@Component
class Checklists {

    private final Catalog catalog;
    private final DocumentRows rows;

    Checklists(Catalog catalog, DocumentRows rows) {
        this.catalog = catalog;
        this.rows = rows;
    }

    /** The checklist of a dossier the caller has already been allowed to see (the workflow's rules). */
    Checklist checklist(Dossier dossier) {
        Set<String> required = catalog.requiredDocumentTypes(dossier.contentCode());
        List<Document> documents = rows.storedOf(dossier.id());
        List<Checklist.Item> requiredItems = new ArrayList<>();
        List<Checklist.Item> optionalItems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DocumentType type : catalog.documentTypes().stream()
                .filter(DocumentType::ofApplication)
                .toList()) {
            List<Document> ofType = documents.stream()
                    .filter(d -> d.documentType().equals(type.code()))
                    .toList();
            boolean isRequired = required.contains(type.code());
            Checklist.Item item =
                    new Checklist.Item(type.code(), type.name(), isRequired, !ofType.isEmpty(), type.formats(), ofType);
            (isRequired ? requiredItems : optionalItems).add(item);
            if (isRequired && ofType.isEmpty()) {
                missing.add(type.code());
            }
        }
        List<Checklist.Item> items = new ArrayList<>(requiredItems);
        items.addAll(optionalItems);
        return new Checklist(dossier.id(), dossier.contentCode(), missing.isEmpty(), missing, items);
    }

    /** The names of the catalogue's document types, by code. */
    String typeName(String code) {
        return catalog.documentType(code).map(DocumentType::name).orElse(code);
    }
}

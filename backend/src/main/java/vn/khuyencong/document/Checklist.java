package vn.khuyencong.document;

import java.util.List;
import java.util.UUID;

/**
 * The documents a dossier's content requires, from the catalogue, each present or missing, followed by the
 * optional extras; in the catalogue's order.
 *
 * @param complete whether every required document is present
 * @param missing the codes of the required types still missing, in checklist order
 */
public record Checklist(UUID dossierId, String contentCode, boolean complete, List<String> missing, List<Item> items) {

    /**
     * One document type of the checklist.
     *
     * @param formats the media types it may come in (empty: every format the service accepts)
     * @param documents the current versions uploaded for it (a replaced version is listed under its successor)
     */
    public record Item(
            String documentType,
            String name,
            boolean required,
            boolean present,
            List<String> formats,
            List<Document> documents) {}
}

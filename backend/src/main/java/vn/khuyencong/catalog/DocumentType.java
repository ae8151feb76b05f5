package vn.khuyencong.catalog;

import java.util.List;

/**
 * A kind of document a dossier may carry (request letter, budget, quotes, ...), and when: {@code APPLICATION} for the
 * application's checklist, {@code MONITORING} for the evidence filed while an approved project is monitored.
 * {@code formats} are the media types it may come in; empty: every format the service accepts.
 */
public record DocumentType(String code, String name, String stage, List<String> formats) {

    /** Whether a file of {@code mediaType} may be this kind of document. */
    public boolean accepts(String mediaType) {
        return formats.isEmpty() || formats.contains(mediaType);
    }

    public boolean ofApplication() {
        return "APPLICATION".equals(stage);
    }
}

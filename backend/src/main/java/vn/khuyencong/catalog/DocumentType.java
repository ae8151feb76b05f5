package vn.khuyencong.catalog;

/**
 * A kind of document a dossier may carry (request letter, budget, quotes, ...), and when: {@code APPLICATION} for the
 * application's checklist, {@code MONITORING} for the evidence filed while an approved project is monitored.
 */
public record DocumentType(String code, String name, String stage) {

    public boolean ofApplication() {
        return "APPLICATION".equals(stage);
    }
}

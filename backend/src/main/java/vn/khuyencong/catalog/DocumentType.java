package vn.khuyencong.catalog;

/** A kind of document a dossier may carry (request letter, budget, quotes, ...). */
public record DocumentType(String code, String name) {
}

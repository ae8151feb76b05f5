package vn.khuyencong.catalog;

/** What exactly is supported within a content (machinery, demonstration model, brand...); caps hang on it. */
public record SupportKind(String code, String contentCode, String name, String legalBasis) {}

package vn.khuyencong.catalog;

/** One of the nine khuyến công contents (Article 4, Decree 45/2012/ND-CP). */
public record SupportContent(String code, String name, String legalBasis, int processingDays) {}

package vn.khuyencong.catalog;

/** An agency that receives and handles dossiers; its code prefixes dossier codes. */
public record Agency(String code, String name, String province) {}

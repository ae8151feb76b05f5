package vn.khuyencong.catalog;

/** A question a content asks besides the common ones; the form is generated from these. */
public record ContentField(
        String contentCode,
        String key,
        String label,
        FieldType type,
        boolean required,
        Long min,
        Long max,
        String help) {

    public enum FieldType {
        TEXT,
        LONG_TEXT,
        INTEGER,
        MONEY,
        DATE,
        BOOLEAN
    }
}

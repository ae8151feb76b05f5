package vn.khuyencong.shared;

import java.util.Locale;

/** Text as people write and read it: amounts of money in Vietnamese, a blank answer taken as no answer. */
public final class Texts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private Texts() {}

    /** {@code 100000000} as "100.000.000 đồng". */
    public static String vnd(long amount) {
        return String.format(VIETNAMESE, "%,d đồng", amount);
    }

    /** Null for a missing or blank answer, otherwise the answer without surrounding spaces. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

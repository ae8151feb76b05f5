package vn.khuyencong.identity.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vietnamese tax code (mã số thuế, MST): ten digits whose last is a check digit over the first nine, or those ten
 * followed by a three-digit number of a dependent unit (branch, representative office), written {@code 0100109106-001}.
 */
final class TaxCode {

    private static final Pattern SHAPE = Pattern.compile("^(\\d{10})(?:[- ]?(\\d{3}))?$");
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private TaxCode() {}

    /** The code in its written form ({@code NNNNNNNNNN} or {@code NNNNNNNNNN-NNN}), or empty when it is not valid. */
    static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(input.strip().replace(".", ""));
        if (!matcher.matches() || !checkDigitHolds(matcher.group(1))) {
            return Optional.empty();
        }
        String branch = matcher.group(2);
        if (branch == null) {
            return Optional.of(matcher.group(1));
        }
        return "000".equals(branch) ? Optional.empty() : Optional.of(matcher.group(1) + "-" + branch);
    }

    static boolean checkDigitHolds(String tenDigits) {
        Optional<Integer> expected = checkDigit(tenDigits.substring(0, 9));
        return expected.isPresent() && expected.get() == tenDigits.charAt(9) - '0';
    }

    /** The tenth digit of a code starting with these nine; empty when no valid code starts with them. */
    static Optional<Integer> checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int digit = 10 - sum % 11;
        return digit == 10 ? Optional.empty() : Optional.of(digit);
    }
}

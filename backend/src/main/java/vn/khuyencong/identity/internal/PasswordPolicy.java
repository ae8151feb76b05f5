package vn.khuyencong.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a new password must meet, the same as the Keycloak realm's policy (length, four kinds of character,
 * not the account name), plus a refusal of the passwords every attacker tries first.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    /** Lower-cased, compared after removing digits and symbols at the end ("Matkhau@2026" is "matkhau"). */
    private static final Set<String> COMMON = Set.of(
            "password",
            "matkhau",
            "admin",
            "qwerty",
            "welcome",
            "khuyencong",
            "iloveyou",
            "abc",
            "abcd",
            "abcdef",
            "letmein",
            "vietnam",
            "hanoi",
            "saigon",
            "administrator",
            "passw0rd",
            "p@ssword",
            "p@ssw0rd",
            "changeme",
            "doanhnghiep",
            "congty",
            "hoptacxa",
            "qwertyuiop",
            "asdfgh",
            "zxcvbn");

    private PasswordPolicy() {}

    /** Every rule the password breaks, in Vietnamese, empty when it is acceptable. */
    static List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Vui lòng nhập mật khẩu.");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự.");
        }
        if (length > MAX_LENGTH) {
            problems.add("Mật khẩu không được dài quá " + MAX_LENGTH + " ký tự.");
        }
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        if (!(lower && upper && digit && other)) {
            problems.add("Mật khẩu phải có chữ thường, chữ hoa, chữ số và ký tự đặc biệt (ví dụ @, #, !).");
        }
        String plain = password.toLowerCase(Locale.ROOT);
        String stem = plain.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (COMMON.contains(stem) || COMMON.contains(plain)) {
            problems.add("Mật khẩu này quá phổ biến và dễ bị đoán. Vui lòng chọn mật khẩu khác.");
        }
        if (email != null && email.contains("@")) {
            String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (local.length() >= 4 && plain.contains(local)) {
                problems.add("Mật khẩu không được chứa tên trong địa chỉ thư điện tử.");
            }
        }
        return problems;
    }
}

package vn.khuyencong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsALongPasswordWithEveryKindOfCharacter() {
        assertThat(PasswordPolicy.problems("Rừng-Thông-2026!", "lan@example.vn"))
                .isEmpty();
        assertThat(PasswordPolicy.problems("Tra-Thai-Nguyen-9", null)).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.problems("Ab1!xyz", null)).anyMatch(p -> p.contains("ít nhất 12"));
    }

    @Test
    void refusesPasswordsMissingAKindOfCharacter() {
        assertThat(PasswordPolicy.problems("khongcochuhoa2026!", null)).anyMatch(p -> p.contains("chữ hoa"));
        assertThat(PasswordPolicy.problems("KhongCoKyTuDacBiet2026", null)).anyMatch(p -> p.contains("ký tự đặc biệt"));
    }

    @Test
    void refusesCommonPasswordsDressedUp() {
        assertThat(PasswordPolicy.problems("Matkhau@2026!", null)).anyMatch(p -> p.contains("phổ biến"));
        assertThat(PasswordPolicy.problems("P@ssw0rd2026#", null)).anyMatch(p -> p.contains("phổ biến"));
        // the name of the service is the first guess against it (the demo accounts' password is not for real use)
        assertThat(PasswordPolicy.problems("KhuyenCong@2026", null)).anyMatch(p -> p.contains("phổ biến"));
    }

    @Test
    void refusesThePartOfTheAddressBeforeTheAt() {
        assertThat(PasswordPolicy.problems("Hoanglan@2026!", "hoanglan@example.vn"))
                .anyMatch(p -> p.contains("thư điện tử"));
    }

    @Test
    void refusesEmptyAndOverlongPasswords() {
        assertThat(PasswordPolicy.problems("", null)).containsExactly("Vui lòng nhập mật khẩu.");
        assertThat(PasswordPolicy.problems("Aa1!" + "x".repeat(130), null)).anyMatch(p -> p.contains("128"));
    }
}

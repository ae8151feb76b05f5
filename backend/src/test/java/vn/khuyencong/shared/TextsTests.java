package vn.khuyencong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTests {

    @Test
    void amountsAreWrittenWithVietnameseThousandsSeparators() {
        assertThat(Texts.vnd(100_000_000L)).isEqualTo("100.000.000 đồng");
        assertThat(Texts.vnd(0)).isEqualTo("0 đồng");
        assertThat(Texts.vnd(999)).isEqualTo("999 đồng");
    }

    @Test
    void aBlankAnswerIsNoAnswerAndOthersLoseTheirSurroundingSpaces() {
        assertThat(Texts.blankToNull(null)).isNull();
        assertThat(Texts.blankToNull(" \t\n")).isNull();
        assertThat(Texts.blankToNull("  Bắc Kạn ")).isEqualTo("Bắc Kạn");
    }
}

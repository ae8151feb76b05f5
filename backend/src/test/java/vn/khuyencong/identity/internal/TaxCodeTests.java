package vn.khuyencong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxCodeTests {

    @Test
    void acceptsTenDigitsWhoseLastIsTheCheckDigit() {
        assertThat(TaxCode.normalise("0100109106")).contains("0100109106");
        assertThat(TaxCode.normalise("4700123452")).contains("4700123452");
        assertThat(TaxCode.normalise(" 0100109106 ")).contains("0100109106");
    }

    @Test
    void acceptsThirteenDigitsOfADependentUnitWithOrWithoutItsHyphen() {
        assertThat(TaxCode.normalise("0100109106-001")).contains("0100109106-001");
        assertThat(TaxCode.normalise("0100109106001")).contains("0100109106-001");
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(TaxCode.normalise("0100109107")).isEmpty();
        assertThat(TaxCode.normalise("4700123451")).isEmpty();
        assertThat(TaxCode.normalise("0100109107-001")).isEmpty();
    }

    @Test
    void refusesOtherLengthsLettersAndUnitZero() {
        assertThat(TaxCode.normalise("010010910")).isEmpty();
        assertThat(TaxCode.normalise("01001091060")).isEmpty();
        assertThat(TaxCode.normalise("01001091061234")).isEmpty();
        assertThat(TaxCode.normalise("O100109106")).isEmpty();
        assertThat(TaxCode.normalise("0100109106-000")).isEmpty();
        assertThat(TaxCode.normalise("")).isEmpty();
        assertThat(TaxCode.normalise(null)).isEmpty();
    }

    @Test
    void noCodeStartsWithDigitsWhoseWeightedSumIsAMultipleOfEleven() {
        // 1*31 + 1*29 + 0 + ... + 2*3 = 66 = 6 * 11: the check digit would be 10, so no such code is issued
        assertThat(TaxCode.checkDigit("110000002")).isEmpty();
    }
}

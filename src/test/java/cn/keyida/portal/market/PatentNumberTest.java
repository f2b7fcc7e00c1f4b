package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CN patent numbers: the check digit of application numbers is verified, publication numbers by form. */
class PatentNumberTest {

    @Test
    void applicationNumbersWithTheRightCheckDigitAreNormalised() {
        // 2,0,2,3,1,0,1,2,3,4,5,6 weighted 2..9,2..5 → 127, 127 mod 11 = 6
        assertThat(PatentNumber.checkDigit("202310123456")).isEqualTo('6');
        assertThat(PatentNumber.normalise("ZL202310123456.6")).contains("ZL202310123456.6");
        assertThat(PatentNumber.normalise("cn 2023101234566")).contains("ZL202310123456.6");
        assertThat(PatentNumber.normalise("CN112345678A")).contains("CN112345678A");
        // An old eight-digit number: 0,3,1,2,3,4,5,6 weighted 2..9 → 163, 163 mod 11 = 9
        assertThat(PatentNumber.normalise("ZL03123456.9")).contains("ZL03123456.9");
    }

    @Test
    void malformedNumbersAndWrongCheckDigitsAreRefused() {
        assertThat(PatentNumber.normalise("ZL202310123456.7")).isEmpty();
        assertThat(PatentNumber.normalise("ZL2023101234.5")).isEmpty();
        assertThat(PatentNumber.normalise("US10123456B2")).isEmpty();
        assertThat(PatentNumber.normalise("专利申请中")).isEmpty();
        assertThat(PatentNumber.normalise("CN112345678")).isEmpty();
    }
}

package cn.keyida.portal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "13911111111", "+8613911111111", "8613911111111", "+86 139 1111 1111", "139-1111-1111",
        " 86 139-1111-1111 ", "+86-139-1111-1111"})
    void acceptedFormsNormalizeToElevenDigits(String input) {
        assertThat(MobileNumber.problem(input)).isEmpty();
        assertThat(MobileNumber.normalize(input)).isEqualTo("13911111111");
    }

    @Test
    void numbersStartingWith186KeepTheirDigits() {
        assertThat(MobileNumber.normalize("18612345678")).isEqualTo("18612345678");
        assertThat(MobileNumber.normalize("+8618612345678")).isEqualTo("18612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13012345678", "14512345678", "15012345678", "16612345678", "17712345678",
        "18812345678", "19912345678"})
    void everySecondDigitFromThreeToNineIsAccepted(String input) {
        assertThat(MobileNumber.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12012345678", "11012345678", "10012345678", "23912345678"})
    void wrongLeadingDigitsAreRejected(String input) {
        assertThat(MobileNumber.problem(input)).contains("手机号码格式不正确");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1391111111", "139111111112", "+86139111111"})
    void wrongLengthIsRejected(String input) {
        assertThat(MobileNumber.problem(input)).contains("手机号码应为11位");
    }

    @Test
    void lettersAndForeignPrefixesAreRejected() {
        assertThat(MobileNumber.problem("139abcd1111")).contains("手机号码只能包含数字");
        assertThat(MobileNumber.problem("+85291234567")).contains("仅支持中国大陆手机号码");
        assertThat(MobileNumber.problem(null)).contains("请填写手机号码");
        assertThat(MobileNumber.problem("  ")).contains("请填写手机号码");
    }

    @Test
    void maskHidesTheMiddleFourDigits() {
        assertThat(MobileNumber.mask("13911111111")).isEqualTo("139****1111");
        assertThat(MobileNumber.mask("+86 139-1234-5678")).isEqualTo("139****5678");
    }

    @Test
    void maskRevealsNothingOfAnInvalidNumber() {
        assertThat(MobileNumber.mask("12345")).isEqualTo("****");
        assertThat(MobileNumber.mask(null)).isEqualTo("****");
    }
}

package cn.keyida.portal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    /*
     * Codes of registered organisations as published in public records (company registry extracts, annual
     * reports, the 华为 Wikipedia infobox). Hand check of 华为技术有限公司 914403001922038216:
     *
     *   position 18 (GB 32100): values of the first 17 characters 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1
     *   weights 3^(i-1) mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
     *   sum = 9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 20 + 261 + 50 + 26 + 0 + 72 + 80 + 60 + 28 = 831
     *   831 mod 31 = 25, 31 - 25 = 6  ->  check character '6'
     *
     *   position 17 (GB 11714, organisation code 19220382-1): 1 9 2 2 0 3 8 2 with weights 3 7 9 10 5 8 4 2
     *   sum = 3 + 63 + 18 + 20 + 0 + 24 + 32 + 4 = 164, 164 mod 11 = 10, 11 - 10 = 1  ->  '1'
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "914403001922038216", // 华为技术有限公司
        "9144030071526726XG", // 腾讯科技（深圳）有限公司, organisation code check character X
        "91330100716105852F", // 阿里巴巴（中国）网络技术有限公司
        "91110108551385082Q", // 小米科技有限责任公司
        "91520000214434146R", // 中航重机股份有限公司
        "91350100M000100Y43", // widely quoted sample, letters in the organisation code
        "12100000425006133D", // 华东师范大学, a public institution (机构编制, 事业单位)
    })
    void realRegisteredCodesAreValid(String code) {
        assertThat(CreditCode.problem(code)).isEmpty();
    }

    @Test
    void weightsArePowersOfThreeModThirtyOne() {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            assertThat(CreditCode.WEIGHTS[i]).as("weight %d", i + 1).isEqualTo(w);
            w = w * 3 % 31;
        }
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        assertThat(CreditCode.problem("914403001922038217")).contains("统一社会信用代码校验位不正确");
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("统一社会信用代码校验位不正确");
    }

    @Test
    void swappedDigitsAreRejected() {
        assertThat(CreditCode.problem("914403001922038126")).isPresent();
    }

    @Test
    void wrongOrganisationCodeCheckIsRejectedEvenWhenTheFinalCheckMatches() {
        // Change position 17 of a real code and recompute position 18 so that only the GB 11714 check fails.
        String first17 = "9144030019220382" + "2";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problem(code)).contains("统一社会信用代码中的组织机构代码校验位不正确");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440300192203821", "9144030019220382166", "9144"})
    void wrongLengthIsRejected(String code) {
        assertThat(CreditCode.problem(code)).contains("统一社会信用代码应为18位");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "91350100I000100Y43", "91350100O000100Y43", "91350100Z000100Y43",
        "91350100S000100Y43", "91350100V000100Y43", "9135010-M000100Y43", "91350100M000100Y4＃"})
    void forbiddenCharactersAreRejected(String code) {
        assertThat(CreditCode.problem(code)).contains("统一社会信用代码含有不允许的字符");
    }

    @Test
    void blankIsRejectedWithAPrompt() {
        assertThat(CreditCode.problem(null)).contains("请填写统一社会信用代码");
        assertThat(CreditCode.problem("   ")).contains("请填写统一社会信用代码");
    }

    @Test
    void nonDigitDivisionCodeIsRejected() {
        String first17 = "91A50100M000100Y4";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problem(code)).hasValueSatisfying(p -> assertThat(p).contains("行政区划代码"));
    }

    @Test
    void unknownRegistrationAuthorityIsRejected() {
        String first17 = "B1350100M000100Y4";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problem(code)).hasValueSatisfying(p -> assertThat(p).contains("登记管理部门代码"));
    }

    @Test
    void lowercaseAndSurroundingSpacesAreNormalized() {
        assertThat(CreditCode.normalize("  91350100m000100y43 \t")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.normalize(null)).isEmpty();
        assertThat(CreditCode.problem(" 9144030071526726xg ")).isEmpty();
        assertThat(CreditCode.isValid("91350100m000100y43")).isTrue();
    }
}

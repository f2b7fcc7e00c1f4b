package cn.keyida.portal.enterprise;

import java.util.Locale;
import java.util.Optional;

/**
 * Validation of the unified social credit code (统一社会信用代码) as defined by GB 32100-2015.
 *
 * <p>Layout of the 18 characters:
 * <ol>
 *   <li>position 1: registration authority code (登记管理部门代码), e.g. {@code 9} for market regulation;</li>
 *   <li>position 2: organisation type code (机构类别代码), e.g. {@code 1} for enterprise;</li>
 *   <li>positions 3-8: administrative division code (登记管理机关行政区划码), six digits;</li>
 *   <li>positions 9-17: organisation code (主体标识码) per GB 11714, whose own check character is position 17;</li>
 *   <li>position 18: check character over positions 1-17, weights 3^i mod 31, modulus 31.</li>
 * </ol>
 * The alphabet is the digits and the upper-case Latin letters without I, O, Z, S and V.
 */
public final class CreditCode {

    /** The 31 characters allowed in a credit code, in the order of their numeric values 0..30. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /**
     * Weights of positions 1..17 for the final check character: 3^(i-1) mod 31, i.e.
     * 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 (the table in GB 32100-2015).
     */
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Weights of the eight body characters of a GB 11714 organisation code. */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /**
     * Registration authority codes (position 1) assigned so far: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政,
     * 6 旅游, 7 宗教, 8 工会, 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业农村, Y 其他.
     */
    private static final String AUTHORITY_CODES = "123456789ANY";

    private CreditCode() {
    }

    /** Strips surrounding whitespace and upper-cases; {@code null} becomes the empty string. */
    public static String normalize(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Why {@code code} is not a valid credit code, or empty when it is valid. The input is normalized first,
     * so surrounding spaces and lower-case letters are accepted; store {@link #normalize(String)} of it.
     */
    public static Optional<String> problem(String code) {
        String c = normalize(code);
        if (c.isEmpty()) {
            return Optional.of("请填写统一社会信用代码");
        }
        if (c.length() != 18) {
            return Optional.of("统一社会信用代码应为18位");
        }
        for (int i = 0; i < c.length(); i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码含有不允许的字符");
            }
        }
        if (AUTHORITY_CODES.indexOf(c.charAt(0)) < 0) {
            return Optional.of("统一社会信用代码第1位（登记管理部门代码）不正确");
        }
        char type = c.charAt(1);
        if (type < '1' || type > '9') {
            return Optional.of("统一社会信用代码第2位（机构类别代码）不正确");
        }
        for (int i = 2; i < 8; i++) {
            if (!isDigit(c.charAt(i))) {
                return Optional.of("统一社会信用代码第3至8位应为6位数字的行政区划代码");
            }
        }
        if (c.charAt(17) != checkCharacter(c.substring(0, 17))) {
            return Optional.of("统一社会信用代码校验位不正确");
        }
        Character orgCheck = organisationCheckCharacter(c.substring(8, 16));
        if (orgCheck == null || c.charAt(16) != orgCheck) {
            return Optional.of("统一社会信用代码中的组织机构代码校验位不正确");
        }
        return Optional.empty();
    }

    /** Convenience for {@code problem(code).isEmpty()}. */
    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /**
     * The GB 32100 check character (position 18) for the first 17 characters, which must all be in
     * {@link #ALPHABET}.
     */
    static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * The GB 11714 check character for an eight-character organisation code body: digits count as their value,
     * letters as A=10 ... Z=35; C9 = 11 - (sum mod 11), where 10 is written {@code X} and 11 is written {@code 0}.
     * Returns {@code null} when the body contains something other than digits and upper-case letters.
     */
    static Character organisationCheckCharacter(String body8) {
        if (body8.length() != 8) {
            throw new IllegalArgumentException("expected 8 characters: " + body8);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int value;
            if (isDigit(ch)) {
                value = ch - '0';
            } else if (ch >= 'A' && ch <= 'Z') {
                value = ch - 'A' + 10;
            } else {
                return null;
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return '0';
        }
        if (check == 10) {
            return 'X';
        }
        return (char) ('0' + check);
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}

package cn.keyida.portal.market;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese patent numbers: an application / patent number (ZL or CN, 8 or 12 digits, a dot and the
 * check digit, which is verified: digits weighted 2,3,…,9,2,3,… summed modulo 11, 10 written X), or a
 * publication number (CN, 7–9 digits and the kind code such as A, B, U, S).
 */
final class PatentNumber {

    private static final Pattern APPLICATION = Pattern.compile("(?:ZL|CN)?\\s*(\\d{8}|\\d{12})\\.?([0-9X])");
    private static final Pattern PUBLICATION = Pattern.compile("CN\\s*(\\d{7,9})\\s*([ABCUSY]\\d?)");

    private PatentNumber() {}

    /** The number in its normal form (ZL202310123456.7, CN112345678A), or empty when malformed. */
    static Optional<String> normalise(String raw) {
        String s = raw.strip().toUpperCase().replace("ＺＬ", "ZL").replace('．', '.');
        Matcher m = APPLICATION.matcher(s);
        if (m.matches()) {
            String digits = m.group(1);
            return checkDigit(digits) == m.group(2).charAt(0) ? Optional.of("ZL" + digits + "." + m.group(2))
                    : Optional.empty();
        }
        Matcher p = PUBLICATION.matcher(s);
        if (p.matches()) {
            return Optional.of("CN" + p.group(1) + p.group(2));
        }
        return Optional.empty();
    }

    static char checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (2 + i % 8);
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }
}

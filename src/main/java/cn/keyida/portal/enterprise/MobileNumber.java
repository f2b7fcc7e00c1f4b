package cn.keyida.portal.enterprise;

import java.util.Optional;

/**
 * Mainland China mobile numbers: 11 digits, the first is {@code 1} and the second {@code 3}-{@code 9}.
 * Input may carry a {@code +86} or {@code 86} country prefix and spaces or hyphens as separators.
 */
public final class MobileNumber {

    private MobileNumber() {
    }

    /**
     * Removes separators (spaces, including the full-width space, and hyphens) and a leading {@code +86} or
     * {@code 86} country prefix. A valid input comes out as exactly 11 digits; invalid input comes out cleaned
     * as far as possible so that {@link #problem(String)} can explain it. {@code null} becomes the empty string.
     */
    public static String normalize(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char ch = number.charAt(i);
            if (ch == '-' || ch == '\u3000' || Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                continue;
            }
            sb.append(ch);
        }
        String s = sb.toString();
        if (s.startsWith("+86")) {
            return s.substring(3);
        }
        // "86" is only a prefix when it is followed by a complete 11-digit number; 186xxxxxxxx keeps its digits.
        if (s.length() == 13 && s.startsWith("86")) {
            return s.substring(2);
        }
        return s;
    }

    /** Why {@code number} is not a mainland mobile number, or empty when it is one. */
    public static Optional<String> problem(String number) {
        String n = normalize(number);
        if (n.isEmpty()) {
            return Optional.of("请填写手机号码");
        }
        if (n.startsWith("+")) {
            return Optional.of("仅支持中国大陆手机号码");
        }
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (ch < '0' || ch > '9') {
                return Optional.of("手机号码只能包含数字");
            }
        }
        if (n.length() != 11) {
            return Optional.of("手机号码应为11位");
        }
        if (n.charAt(0) != '1' || n.charAt(1) < '3') {
            return Optional.of("手机号码格式不正确");
        }
        return Optional.empty();
    }

    /** Convenience for {@code problem(number).isEmpty()}. */
    public static boolean isValid(String number) {
        return problem(number).isEmpty();
    }

    /**
     * The number for display with the middle four digits hidden, e.g. {@code 139****1111}. Input that is not a
     * valid mobile number is fully hidden as {@code ****} rather than partly revealed.
     */
    public static String mask(String number) {
        if (!isValid(number)) {
            return "****";
        }
        String n = normalize(number);
        return n.substring(0, 3) + "****" + n.substring(7);
    }
}

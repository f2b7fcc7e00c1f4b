package cn.keyida.portal.web;

/** Checks on free text that every feature's validation shares. */
public final class Texts {

    private Texts() {}

    /**
     * Control characters (U+0000–U+001F, U+007F–U+009F) and the Unicode line separators: PostgreSQL
     * refuses NUL, and in a name the others forge lines in mails, CSV exports and logs. A multi-line
     * text (a description) may hold tabs and line breaks.
     */
    public static boolean hasControlCharacters(String value, boolean multiLine) {
        if (value == null) {
            return false;
        }
        return value.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL
                && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) || c == 0x2028 || c == 0x2029);
    }

    public static final String CONTROL_MESSAGE = "不能包含控制字符（如空字符、换行符）";
}

package cn.keyida.portal.content;

import java.util.Arrays;
import java.util.Optional;

/** The five published content types; {@code code} is the value of the import format's {@code type}. */
public enum ContentType {
    POLICY("policy", "科技政策", "policies"),
    ACHIEVEMENT("achievement", "科技成果", "achievements"),
    DEMAND("demand", "技术需求", "demands"),
    TALENT("talent", "科技人才", "talent"),
    FINANCE("finance", "科技金融", "finance");

    public final String code;
    public final String label;
    /** First segment of the detail page URL, e.g. {@code /policies/{slug}}. */
    public final String path;

    ContentType(String code, String label, String path) {
        this.code = code;
        this.label = label;
        this.path = path;
    }

    public static Optional<ContentType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static Optional<ContentType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}

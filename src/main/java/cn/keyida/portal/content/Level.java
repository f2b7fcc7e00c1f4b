package cn.keyida.portal.content;

import java.util.Arrays;
import java.util.Optional;

public enum Level {
    NATIONAL("national", "国家级"),
    PROVINCIAL("provincial", "省级"),
    MUNICIPAL("municipal", "市级");

    public final String code;
    public final String label;

    Level(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public static Optional<Level> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}

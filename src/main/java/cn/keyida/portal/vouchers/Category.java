package cn.keyida.portal.vouchers;

import java.util.Arrays;
import java.util.Optional;

/** Service categories a voucher can pay for (after Sichuan's 2025 innovation voucher rules). */
public enum Category {
    TESTING("检验检测"),
    DESIGN("研发设计"),
    PILOT("中试熟化"),
    COMPUTING("算力服务"),
    IP("知识产权"),
    CONSULTING("科技咨询");

    public final String label;

    Category(String label) {
        this.label = label;
    }

    public static Optional<Category> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}

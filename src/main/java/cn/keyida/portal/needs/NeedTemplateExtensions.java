package cn.keyida.portal.needs;

import io.quarkus.qute.TemplateExtension;
import java.util.Arrays;

/** Chinese labels of stored enum names in templates. */
@TemplateExtension
class NeedTemplateExtensions {

    static String satisfactionLabel(String name) {
        return Arrays.stream(NeedCallback.Satisfaction.values()).filter(s -> s.name().equals(name))
                .map(s -> s.label).findFirst().orElse(name == null ? "" : name);
    }

    /** A money amount without trailing zeros: 30, not 30.00. */
    static String plain(java.math.BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    static String resolvedLabel(String name) {
        return Arrays.stream(NeedCallback.Resolved.values()).filter(r -> r.name().equals(name))
                .map(r -> r.label).findFirst().orElse(name == null ? "" : name);
    }
}

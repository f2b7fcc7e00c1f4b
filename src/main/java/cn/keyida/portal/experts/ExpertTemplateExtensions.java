package cn.keyida.portal.experts;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/** Template helpers of the pool's forms. */
@TemplateExtension
class ExpertTemplateExtensions {

    /** Whether a multi-valued form field (kept as ",a,b,") holds {@code code}: a checkbox stays ticked. */
    static boolean checked(Map<String, String> values, String key, String code) {
        String v = values.get(key);
        return v != null && v.contains("," + code + ",");
    }
}

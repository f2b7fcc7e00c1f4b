package cn.keyida.portal.market;

import cn.keyida.portal.web.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the market's posted forms. */
final class MarketForms {

    private MarketForms() {}

    /** Field → value; repeated fields (modes checkboxes) joined by new lines. */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> v = new LinkedHashMap<>();
        form.forEach((k, values) -> {
            if (!k.startsWith("_") && !k.equals("csrf")) {
                v.put(k, String.join("\n", values == null ? List.of() : values));
            }
        });
        v.putIfAbsent("namePublic", "false");
        return v;
    }

    static long version(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(form.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("表单已过期，请刷新页面后重试");
        }
    }
}

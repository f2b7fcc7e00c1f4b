package cn.keyida.portal.experts;

import cn.keyida.portal.web.ConflictException;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers of the pool's pages: form values kept for re-rendering, the status of a refusal. */
final class ExpertForms {

    private ExpertForms() {}

    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    static List<String> all(MultivaluedMap<String, String> form, String name) {
        List<String> v = form.get(name);
        return v == null ? List.of() : v;
    }

    static long version(MultivaluedMap<String, String> form) {
        return ExpertRegistry.version(form.getFirst("version"));
    }

    static int status(RuntimeException e) {
        return e instanceof ConflictException ? 409 : 400;
    }

    static boolean handled(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof ConflictException;
    }

    static ExpertInput input(MultivaluedMap<String, String> form) {
        return new ExpertInput(form.getFirst("version"), form.getFirst("name"), form.getFirst("organisation"),
                form.getFirst("title"), all(form, "fields"), form.getFirst("specialities"), all(form, "modes"),
                form.getFirst("availability"), form.getFirst("region"), form.getFirst("profile"),
                form.getFirst("phone"), form.getFirst("email"));
    }

    /** The registration form's values: what is stored. */
    static Map<String, String> stored(Expert e) {
        Map<String, String> v = new LinkedHashMap<>();
        if (e != null) {
            v.put("version", String.valueOf(e.version));
            v.put("name", e.name);
            v.put("organisation", e.organisation);
            v.put("title", e.title);
            v.put("specialities", String.join("、", e.specialities));
            v.put("availability", e.availability);
            v.put("region", e.region);
            v.put("profile", e.profile);
            v.put("phone", e.phone);
            v.put("email", e.email);
            v.put("fields", "," + String.join(",", e.fields) + ",");
            v.put("modes", "," + String.join(",", e.modes) + ",");
        }
        return v;
    }

    /** Multi-valued fields kept as ",a,b," so templates can ask {@code contains(',' + code + ',')}. */
    static Map<String, String> submitted(MultivaluedMap<String, String> form) {
        Map<String, String> v = values(form);
        v.put("fields", "," + String.join(",", all(form, "fields")) + ",");
        v.put("modes", "," + String.join(",", all(form, "modes")) + ",");
        return v;
    }
}

package cn.keyida.portal.experts;

import cn.keyida.portal.enterprise.MobileNumber;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The registration form as submitted, and its checks (field → Chinese message). */
public record ExpertInput(String version, String name, String organisation, String title, List<String> fields,
        String specialities, List<String> modes, String availability, String region, String profile,
        String phone, String email) {

    static final int MAX_TAGS = 10;

    /** The form's values checked; throws {@link FieldErrors} with every problem at once. */
    Checked check(Set<String> knownFields) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        String n = text(e, "name", "姓名", name, 50, true, false);
        String o = text(e, "organisation", "工作单位", organisation, 200, true, false);
        String t = text(e, "title", "职称", title, 50, true, false);
        List<String> f = fields == null ? List.of() : fields.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
        if (f.isEmpty()) {
            e.add("fields", "请至少选择一个技术领域");
        } else if (!knownFields.containsAll(f)) {
            e.add("fields", "技术领域不在领域目录中，请重新选择");
        }
        List<String> tags = tags(specialities);
        String spec = text(e, "specialities", "专长", specialities, 500, false, false);
        if (spec != null && tags.size() > MAX_TAGS) {
            e.add("specialities", "专长标签最多 " + MAX_TAGS + " 个");
        } else if (tags.stream().anyMatch(x -> x.length() > 30)) {
            e.add("specialities", "每个专长标签不超过 30 个字");
        }
        List<String> m = modes == null ? List.of() : modes.stream().distinct().toList();
        if (m.isEmpty()) {
            e.add("modes", "请至少选择一种服务方式");
        } else if (m.stream().anyMatch(x -> ServiceMode.of(x).isEmpty())) {
            e.add("modes", "服务方式不正确");
        }
        String a = text(e, "availability", "可服务时间", availability, 200, false, false);
        String r = text(e, "region", "所在地区", region, 50, false, false);
        String p = text(e, "profile", "个人简介", profile, 2000, false, true);
        String ph = MobileNumber.normalize(phone == null ? "" : phone);
        MobileNumber.problem(ph).ifPresent(msg -> e.add("phone", msg));
        String em = text(e, "email", "电子邮箱", email, 200, true, false);
        if (em != null && !em.isEmpty() && !em.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            e.add("email", "电子邮箱格式不正确");
        }
        e.throwIfAny();
        return new Checked(n, o, t, new ArrayList<>(f), new ArrayList<>(tags), new ArrayList<>(m), a, r, p, ph, em);
    }

    record Checked(String name, String organisation, String title, List<String> fields, List<String> specialities,
            List<String> modes, String availability, String region, String profile, String phone, String email) {}

    /** Tags separated by commas, 、 or ；, trimmed, without duplicates. */
    static List<String> tags(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split("[,，、;；\\s]+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return List.copyOf(out);
    }

    static String text(FieldErrors.Builder e, String field, String label, String value, int max, boolean required,
            boolean multiLine) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                e.add(field, "请填写" + label);
            }
            return v;
        }
        if (v.length() > max) {
            e.add(field, label + "不能超过 " + max + " 个字");
        } else if (Texts.hasControlCharacters(v, multiLine)) {
            e.add(field, label + Texts.CONTROL_MESSAGE);
        }
        return v;
    }
}

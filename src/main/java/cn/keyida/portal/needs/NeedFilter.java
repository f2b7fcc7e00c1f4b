package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.panache.common.Parameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff list's filters as one query, so the list, its count and its exports select exactly the
 * same needs; {@link #described} says in words which filters apply (the exports print it).
 */
record NeedFilter(String where, Parameters params, String order, Map<String, String> described, String urlQuery) {

    static NeedFilter of(NeedViews.Filters f, LocalDate today, Map<String, String> staffNames) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        Map<String, String> described = new LinkedHashMap<>();
        Arrays.stream(NeedStatus.values()).filter(s -> s.name().equals(f.status())).findFirst().ifPresent(s -> {
            where.append(" and n.status = :status");
            params.and("status", s);
            described.put("状态", s.label);
        });
        if (!blank(f.category())) {
            where.append(" and n.category.code = :category");
            params.and("category", f.category());
            NeedCategory c = NeedCategory.findById(f.category());
            described.put("类别", c == null ? f.category() : c.name);
        }
        if (!blank(f.district())) {
            where.append(" and n.enterprise.district = :district");
            params.and("district", f.district());
            described.put("区县", f.district());
        }
        if (!blank(f.assignee())) {
            where.append(" and n.assignee = :assignee");
            params.and("assignee", f.assignee());
            described.put("承办人", staffNames.getOrDefault(f.assignee(), f.assignee()));
        }
        if (f.overdue()) {
            where.append(" and ").append(Need.OVERDUE);
            params.and("today", today);
            described.put("超期", "仅超期（截至 " + today + "）");
        }
        LocalDate from = NeedForms.date(f.from());
        LocalDate to = NeedForms.date(f.to());
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("开始日期不能晚于结束日期");
        }
        if (from != null) {
            where.append(" and n.submittedAt >= :from");
            params.and("from", PortalClock.startOf(from));
        }
        if (to != null) {
            where.append(" and n.submittedAt < :to");
            params.and("to", PortalClock.startOf(to.plusDays(1)));
        }
        if (from != null || to != null) {
            described.put("提交日期", (from == null ? "不限" : from.toString()) + " 至 " + (to == null ? "不限" : to.toString()));
        }
        String sort = f.sort() == null ? "" : f.sort();
        String order = switch (sort) {
            case "oldest" -> "n.submittedAt asc, n.id";
            case "due" -> "coalesce(n.resolveDue, n.acceptDue) asc nulls last, n.id";
            default -> "n.submittedAt desc, n.id desc";
        };
        described.put("排序", switch (sort) {
            case "oldest" -> "最早提交";
            case "due" -> "期限最近";
            default -> "最新提交";
        });
        return new NeedFilter(where.toString(), params, order, described, urlQuery(f));
    }

    /** The filters as they arrived, for the export links: the export reads them back through {@link #of}. */
    private static String urlQuery(NeedViews.Filters f) {
        List<String> parts = new ArrayList<>();
        add(parts, "status", f.status());
        add(parts, "category", f.category());
        add(parts, "district", f.district());
        add(parts, "assignee", f.assignee());
        add(parts, "overdue", f.overdue() ? "true" : null);
        add(parts, "from", f.from());
        add(parts, "to", f.to());
        add(parts, "sort", f.sort());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String key, String value) {
        if (!blank(value)) {
            parts.add(key + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

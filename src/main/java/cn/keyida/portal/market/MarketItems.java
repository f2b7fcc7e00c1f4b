package cn.keyida.portal.market;

import cn.keyida.portal.techfield.TechFields;
import cn.keyida.portal.web.FieldErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of a demand or achievement: its choices, its checks (Chinese message per field) and how
 * checked values are written to an item. A form is a map of field name → text ({@code modes} and
 * {@code patents} one value per line), which is also how a pending revision is stored.
 */
final class MarketItems {

    static final List<String> MODES = List.of("技术开发", "技术转让", "技术许可", "技术咨询/服务", "作价入股", "共建平台");
    static final List<String> ACHIEVEMENT_TYPES = List.of("应用技术", "基础理论", "软科学");
    /** Technology readiness levels in the GB/T 22900 style, index = level − 1. */
    static final List<String> MATURITY = List.of("1级 基本原理清晰", "2级 形成技术概念", "3级 完成概念验证",
            "4级 完成实验室环境验证", "5级 完成相关环境验证", "6级 完成相关环境中演示", "7级 完成使用环境中演示",
            "8级 完成实际系统验证", "9级 通过实际任务运行验证");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000"); // 万元

    private MarketItems() {}

    static String maturityLabel(Integer level) {
        return level == null || level < 1 || level > 9 ? "" : MATURITY.get(level - 1);
    }

    /** The budget band of a demand or the price band of an achievement, a search facet value. */
    static String band(BigDecimal amount, boolean negotiable) {
        if (amount == null) {
            return negotiable ? "面议" : null;
        }
        if (amount.compareTo(BigDecimal.TEN) < 0) {
            return "10万元以下";
        }
        if (amount.compareTo(new BigDecimal(50)) < 0) {
            return "10–50万元";
        }
        if (amount.compareTo(new BigDecimal(100)) < 0) {
            return "50–100万元";
        }
        return amount.compareTo(new BigDecimal(500)) < 0 ? "100–500万元" : "500万元以上";
    }

    /** Checks the form and writes it to the item, all or nothing (the item is unchanged on an error). */
    static void apply(MarketItem item, Map<String, String> form, TechFields fields, LocalDate today) {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String title = text(form, "title");
        if (title.isEmpty()) {
            errors.add("title", "请填写标题");
        } else if (title.length() > 100) {
            errors.add("title", "标题不能超过100个字");
        }
        String field = text(form, "field");
        if (field.isEmpty()) {
            errors.add("field", "请选择技术领域");
        } else if (fields.find(field).isEmpty()) {
            errors.add("field", "技术领域不在领域目录中，请从列表中选择");
        }
        String description = text(form, "description");
        if (description.isEmpty()) {
            errors.add("description", item.kind == MarketKind.DEMAND ? "请填写需求描述" : "请填写成果简介");
        } else if (description.length() > 5000) {
            errors.add("description", "描述不能超过5000字");
        }
        List<String> modes = lines(form.get("modes"));
        if (modes.isEmpty()) {
            errors.add("modes", item.kind == MarketKind.DEMAND ? "请至少选择一种合作方式" : "请至少选择一种转化方式");
        } else if (!MODES.containsAll(modes)) {
            errors.add("modes", "合作方式只能从列表中选择");
        }
        String problem = text(form, "problem");
        String indicators = text(form, "indicators");
        BigDecimal budgetMin = null;
        BigDecimal budgetMax = null;
        LocalDate deadline = null;
        String holders = text(form, "holders");
        String type = text(form, "achievementType");
        Integer maturity = null;
        List<String> patents = new ArrayList<>();
        BigDecimal price = null;
        boolean negotiable = "true".equals(form.get("priceNegotiable")) || "on".equals(form.get("priceNegotiable"));
        String scenarios = text(form, "scenarios");
        if (item.kind == MarketKind.DEMAND) {
            if (problem.isEmpty()) {
                errors.add("problem", "请填写需要解决的问题");
            }
            budgetMin = amount(form, "budgetMin", "预算下限", errors);
            budgetMax = amount(form, "budgetMax", "预算上限", errors);
            if (budgetMin != null && budgetMax != null && budgetMin.compareTo(budgetMax) > 0) {
                errors.add("budgetMax", "预算上限不能低于预算下限");
            }
            String d = text(form, "deadline");
            if (d.isEmpty()) {
                errors.add("deadline", "请填写需求截止日期");
            } else {
                try {
                    deadline = LocalDate.parse(d);
                    if (deadline.isBefore(today)) {
                        errors.add("deadline", "截止日期不能早于今天");
                    } else if (deadline.isAfter(today.plusYears(5))) {
                        errors.add("deadline", "截止日期不能晚于五年之后");
                    }
                } catch (DateTimeParseException e) {
                    errors.add("deadline", "截止日期格式不正确，请按“2027-06-30”的格式填写");
                }
            }
        } else {
            if (holders.isEmpty()) {
                errors.add("holders", "请填写成果持有人");
            }
            if (!ACHIEVEMENT_TYPES.contains(type)) {
                errors.add("achievementType", "请选择成果类型（应用技术、基础理论或软科学）");
            }
            String m = text(form, "maturity");
            try {
                maturity = Integer.valueOf(m);
                if (maturity < 1 || maturity > 9) {
                    errors.add("maturity", "请选择成熟度（1–9级）");
                }
            } catch (NumberFormatException e) {
                errors.add("maturity", "请选择成熟度（1–9级）");
            }
            for (String p : lines(form.get("patents"))) {
                var normal = PatentNumber.normalise(p);
                if (normal.isEmpty()) {
                    errors.add("patents", "专利号“" + p + "”格式不正确，应为如 ZL202310123456.7 的专利号（含校验位）或如 CN112345678A 的公开号");
                } else if (!patents.contains(normal.get())) {
                    patents.add(normal.get());
                }
            }
            if (patents.size() > 50) {
                errors.add("patents", "专利号最多50个");
            }
            price = amount(form, "price", "参考价格", errors);
            if (price == null && !negotiable && text(form, "price").isEmpty()) {
                errors.add("price", "请填写参考价格，或选择“面议”");
            }
            if (price != null && negotiable) {
                errors.add("price", "已选择“面议”时不填写参考价格");
            }
        }
        errors.throwIfAny();
        item.title = title;
        item.fieldCode = field;
        item.description = description;
        item.modes = new ArrayList<>(modes);
        item.problem = problem;
        item.indicators = indicators;
        item.budgetMin = budgetMin;
        item.budgetMax = budgetMax;
        item.deadline = deadline;
        item.namePublic = item.kind != MarketKind.DEMAND || !"false".equals(form.getOrDefault("namePublic", "true"));
        item.holders = holders;
        item.achievementType = item.kind == MarketKind.ACHIEVEMENT ? type : null;
        item.maturity = maturity;
        item.patents = patents;
        item.price = price;
        item.priceNegotiable = item.kind == MarketKind.ACHIEVEMENT && negotiable;
        item.scenarios = scenarios;
    }

    /** The item as form values: what the edit form starts from. */
    static Map<String, String> formOf(MarketItem i) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", i.title);
        v.put("field", i.fieldCode);
        v.put("description", i.description);
        v.put("modes", String.join("\n", i.modes));
        v.put("problem", i.problem);
        v.put("indicators", i.indicators);
        v.put("budgetMin", plain(i.budgetMin));
        v.put("budgetMax", plain(i.budgetMax));
        v.put("deadline", i.deadline == null ? "" : i.deadline.toString());
        v.put("namePublic", String.valueOf(i.namePublic));
        v.put("holders", i.holders);
        v.put("achievementType", i.achievementType == null ? "" : i.achievementType);
        v.put("maturity", i.maturity == null ? "" : i.maturity.toString());
        v.put("patents", String.join("\n", i.patents));
        v.put("price", plain(i.price));
        v.put("priceNegotiable", String.valueOf(i.priceNegotiable));
        v.put("scenarios", i.scenarios);
        return v;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal amount(Map<String, String> form, String name, String label, FieldErrors.Builder errors) {
        String s = text(form, name).replace(",", "").replace("，", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.signum() < 0) {
                errors.add(name, label + "不能为负数");
            } else if (d.compareTo(MAX_AMOUNT) > 0) {
                errors.add(name, label + "不能超过100亿元（1000000万元）");
            } else if (d.stripTrailingZeros().scale() > 2) {
                errors.add(name, label + "最多保留两位小数（单位：万元）");
            } else {
                return d;
            }
        } catch (NumberFormatException e) {
            errors.add(name, label + "请填写数字，单位为万元，例如 50 或 12.5");
        }
        return null;
    }

    static String text(Map<String, String> form, String name) {
        String s = form.get(name);
        return s == null ? "" : s.strip();
    }

    static List<String> lines(String s) {
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split("[\\n,;，；]")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }
}

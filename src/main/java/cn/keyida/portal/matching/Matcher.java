package cn.keyida.portal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks an enterprise's facts against an item's conditions, one explanation per condition. */
public final class Matcher {

    private Matcher() {}

    public enum Outcome {
        MET("符合"), NOT_MET("不符合"), UNKNOWN("需确认");

        public final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    public enum Verdict {
        ELIGIBLE("符合"), POSSIBLE("可能符合"), NEARLY("差一项条件"), INELIGIBLE("暂不符合");

        public final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    /** One condition, its outcome and why: 研发费用占比不低于 3% · 不符合 · 您填写的是 2.5%. */
    public record Check(String condition, Outcome outcome, String detail) {}

    public record Evaluation(List<Check> checks, Verdict verdict) {
        public long unknowns() {
            return checks.stream().filter(c -> c.outcome() == Outcome.UNKNOWN).count();
        }

        public List<Check> unmet() {
            return checks.stream().filter(c -> c.outcome() == Outcome.NOT_MET).toList();
        }

        public long metCount() {
            return checks.stream().filter(c -> c.outcome() == Outcome.MET).count();
        }

        /** Worth telling the enterprise: 符合, or 可能符合 on at least one known fact (not on nothing at all). */
        public boolean worthTelling() {
            return verdict == Verdict.ELIGIBLE || (verdict == Verdict.POSSIBLE && metCount() > 0);
        }

        public long unmetCount() {
            return checks.stream().filter(c -> c.outcome() == Outcome.NOT_MET).count();
        }
    }

    /**
     * Eligible (符合): every condition met. Possible (可能符合): none unmet, some to be confirmed (or no
     * condition that can be checked at all). Nearly: exactly one unmet. With nothing stated at all
     * (an empty calculator form) nothing is known, not even the qualifications, so nothing is 符合.
     */
    public static Evaluation evaluate(Eligibility e, Facts f, LocalDate today) {
        List<Check> checks = new ArrayList<>();
        boolean nothingStated = f.isEmpty();
        for (String tag : e.requiredTags) {
            boolean has = f.qualifications().contains(tag);
            checks.add(nothingStated ? new Check("已认定为" + tag, Outcome.UNKNOWN, "未填写企业资质")
                    : new Check("已认定为" + tag, has ? Outcome.MET : Outcome.NOT_MET,
                    has ? "企业信息中已勾选" : "企业信息中未勾选该资质"));
        }
        for (String tag : e.excludedTags) {
            boolean has = f.qualifications().contains(tag);
            checks.add(nothingStated ? new Check("未认定为" + tag, Outcome.UNKNOWN, "未填写企业资质")
                    : new Check("未认定为" + tag, has ? Outcome.NOT_MET : Outcome.MET,
                    has ? "本项目不支持已认定为" + tag + "的企业" : "企业信息中未勾选该资质"));
        }
        if (!e.districts.isEmpty()) {
            String cond = "注册地在" + String.join("、", e.districts);
            if (blank(f.district())) {
                checks.add(new Check(cond, Outcome.UNKNOWN, "未填写所在区县"));
            } else {
                boolean in = e.districts.contains(f.district());
                checks.add(new Check(cond, in ? Outcome.MET : Outcome.NOT_MET, "所在区县：" + f.district()));
            }
        }
        if (!e.industries.isEmpty()) {
            String cond = "属于" + String.join("、", e.industries) + "行业";
            if (blank(f.industry())) {
                checks.add(new Check(cond, Outcome.UNKNOWN, "未填写所属行业"));
            } else {
                String industry = f.industry().strip();
                boolean in = e.industries.stream().anyMatch(k -> industry.contains(k) || k.contains(industry));
                checks.add(new Check(cond, in ? Outcome.MET : Outcome.NOT_MET, "所属行业：" + industry));
            }
        }
        if (e.minEmployees != null || e.maxEmployees != null) {
            String cond = "职工人数" + range(e.minEmployees == null ? null : BigDecimal.valueOf(e.minEmployees),
                    e.maxEmployees == null ? null : BigDecimal.valueOf(e.maxEmployees), " 人");
            if (f.employees() == null) {
                checks.add(new Check(cond, Outcome.UNKNOWN, "未填写职工人数"));
            } else {
                boolean ok = (e.minEmployees == null || f.employees() >= e.minEmployees)
                        && (e.maxEmployees == null || f.employees() <= e.maxEmployees);
                checks.add(new Check(cond, ok ? Outcome.MET : Outcome.NOT_MET, "职工人数：" + f.employees() + " 人"));
            }
        }
        if (e.minRevenue != null || e.maxRevenue != null) {
            checks.add(revenue(e, f));
        }
        if (e.minRdRatio != null) {
            String cond = "研发费用占营业收入比例不低于 " + plain(e.minRdRatio) + "%";
            if (f.rdRatio() == null) {
                checks.add(new Check(cond, Outcome.UNKNOWN, "未填写研发投入占比"));
            } else {
                boolean ok = f.rdRatio().compareTo(e.minRdRatio) >= 0;
                checks.add(new Check(cond, ok ? Outcome.MET : Outcome.NOT_MET, "研发投入占比：" + plain(f.rdRatio()) + "%"));
            }
        }
        if (!e.rdTiers.isEmpty()) {
            checks.add(tiered(e.rdTiers, f));
        }
        if (e.minYears != null || e.maxYears != null) {
            String cond = "成立年限" + range(e.minYears == null ? null : BigDecimal.valueOf(e.minYears),
                    e.maxYears == null ? null : BigDecimal.valueOf(e.maxYears), " 年");
            if (f.registeredOn() == null) {
                checks.add(new Check(cond, Outcome.UNKNOWN, "未填写成立日期"));
            } else {
                boolean ok = (e.minYears == null || !f.registeredOn().plusYears(e.minYears).isAfter(today))
                        && (e.maxYears == null || !f.registeredOn().plusYears(e.maxYears).isBefore(today));
                checks.add(new Check(cond, ok ? Outcome.MET : Outcome.NOT_MET, "成立日期：" + f.registeredOn()));
            }
        }
        for (String manual : e.manualConditions) {
            checks.add(new Check(manual, Outcome.UNKNOWN, "无法自动判断，请对照政策原文或咨询科技局"));
        }
        long unmet = checks.stream().filter(c -> c.outcome() == Outcome.NOT_MET).count();
        long unknown = checks.stream().filter(c -> c.outcome() == Outcome.UNKNOWN).count();
        Verdict verdict = unmet == 1 ? Verdict.NEARLY : unmet > 1 ? Verdict.INELIGIBLE
                : unknown == 0 && !checks.isEmpty() ? Verdict.ELIGIBLE : Verdict.POSSIBLE;
        return new Evaluation(List.copyOf(checks), verdict);
    }

    /**
     * A ratio by revenue band: the bands the enterprise's revenue band overlaps give the thresholds that
     * may apply (all of them while the revenue is not stated). At or above the highest: met; below the
     * lowest: not met; in between the band decides, and a revenue band straddling two tiers cannot.
     */
    static Check tiered(List<RdTier> tiers, Facts f) {
        StringBuilder cond = new StringBuilder("研发费用占营业收入比例按年营业收入分档：");
        BigDecimal prev = null;
        for (int i = 0; i < tiers.size(); i++) {
            RdTier t = tiers.get(i);
            cond.append(i == 0 ? "" : "，");
            if (t.upTo() == null) {
                cond.append(prev == null ? "不限收入" : money(prev) + "以上");
            } else {
                cond.append(prev == null ? money(t.upTo()) + "及以下" : money(prev) + "–" + money(t.upTo()));
            }
            cond.append("不低于 ").append(plain(t.minRdRatio())).append("%");
            prev = t.upTo();
        }
        BigDecimal[] band = Facts.revenueRange(f.revenueBand());
        List<BigDecimal> apply = new ArrayList<>();
        prev = null;
        for (RdTier t : tiers) {
            boolean overlaps = band == null || ((t.upTo() == null || band[0].compareTo(t.upTo()) < 0)
                    && (prev == null || band[1] == null || prev.compareTo(band[1]) < 0));
            if (overlaps) {
                apply.add(t.minRdRatio());
            }
            prev = t.upTo();
        }
        BigDecimal lowest = apply.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal highest = apply.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        String need = band == null ? "未填写营业收入区间" : "营业收入区间：" + f.revenueBand() + "，"
                + (lowest.compareTo(highest) == 0 ? "需不低于 " + plain(highest) + "%"
                        : "跨越分档，需不低于 " + plain(lowest) + "%–" + plain(highest) + "%");
        if (f.rdRatio() == null) {
            return new Check(cond.toString(), Outcome.UNKNOWN, need + "；未填写研发投入占比");
        }
        String detail = need + "；研发投入占比：" + plain(f.rdRatio()) + "%";
        if (f.rdRatio().compareTo(highest) >= 0) {
            return new Check(cond.toString(), Outcome.MET, detail);
        }
        if (f.rdRatio().compareTo(lowest) < 0) {
            return new Check(cond.toString(), Outcome.NOT_MET, detail);
        }
        return new Check(cond.toString(), Outcome.UNKNOWN, detail + "，需按实际收入确认");
    }

    /** An amount in 万元 as people say it: 5000 万元, 2 亿元. */
    static String money(BigDecimal wan) {
        BigDecimal yi = BigDecimal.valueOf(10_000);
        return wan.compareTo(yi) >= 0 && wan.remainder(yi).signum() == 0 ? plain(wan.divide(yi)) + " 亿元"
                : plain(wan) + " 万元";
    }

    /** The profile gives a revenue band, not a figure: a band straddling a bound cannot be decided. */
    private static Check revenue(Eligibility e, Facts f) {
        String cond = "年营业收入" + range(e.minRevenue, e.maxRevenue, " 万元");
        BigDecimal[] band = Facts.revenueRange(f.revenueBand());
        if (band == null) {
            return new Check(cond, Outcome.UNKNOWN, "未填写营业收入区间");
        }
        BigDecimal lo = band[0];
        BigDecimal hi = band[1];
        boolean fail = false;
        boolean unsure = false;
        if (e.minRevenue != null && lo.compareTo(e.minRevenue) < 0) {
            if (hi != null && hi.compareTo(e.minRevenue) <= 0) {
                fail = true;
            } else {
                unsure = true;
            }
        }
        if (e.maxRevenue != null && (hi == null || hi.compareTo(e.maxRevenue) > 0)) {
            if (lo.compareTo(e.maxRevenue) > 0) {
                fail = true;
            } else {
                unsure = true;
            }
        }
        String detail = "营业收入区间：" + f.revenueBand();
        if (fail) {
            return new Check(cond, Outcome.NOT_MET, detail);
        }
        return unsure ? new Check(cond, Outcome.UNKNOWN, detail + "，跨越门槛，需按实际收入确认")
                : new Check(cond, Outcome.MET, detail);
    }

    private static String range(BigDecimal min, BigDecimal max, String unit) {
        if (min != null && max != null) {
            return " " + plain(min) + "–" + plain(max) + unit;
        }
        return min != null ? "不少于 " + plain(min) + unit : "不超过 " + plain(max) + unit;
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

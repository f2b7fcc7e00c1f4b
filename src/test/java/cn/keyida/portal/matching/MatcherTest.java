package cn.keyida.portal.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-condition explanations, without a database: every kind of condition, met, unmet and unknown. */
class MatcherTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static Facts facts(Set<String> quals, String rd) {
        return new Facts("利州区", "新材料制造", quals, 120, "2000万–5000万元", rd == null ? null : new BigDecimal(rd),
                LocalDate.of(2015, 3, 1));
    }

    @Test
    void everyConditionIsExplainedAndTheVerdictCountsUnmetOnes() {
        Eligibility e = new Eligibility();
        e.requiredTags = List.of("科技型中小企业");
        e.excludedTags = List.of("高新技术企业");
        e.districts = List.of("利州区", "昭化区");
        e.industries = List.of("新材料");
        e.minEmployees = 10;
        e.maxEmployees = 500;
        e.minRdRatio = new BigDecimal("3");
        e.minYears = 2;
        e.manualConditions = List.of("拥有核心自主知识产权");

        Matcher.Evaluation ok = Matcher.evaluate(e, facts(Set.of("科技型中小企业"), "4.5"), TODAY);
        assertThat(ok.checks()).extracting(Matcher.Check::condition, Matcher.Check::outcome).containsExactly(
                tuple("已认定为科技型中小企业", Matcher.Outcome.MET),
                tuple("未认定为高新技术企业", Matcher.Outcome.MET),
                tuple("注册地在利州区、昭化区", Matcher.Outcome.MET),
                tuple("属于新材料行业", Matcher.Outcome.MET),
                tuple("职工人数 10–500 人", Matcher.Outcome.MET),
                tuple("研发费用占营业收入比例不低于 3%", Matcher.Outcome.MET),
                tuple("成立年限不少于 2 年", Matcher.Outcome.MET),
                tuple("拥有核心自主知识产权", Matcher.Outcome.UNKNOWN));
        // One condition cannot be checked: 可能符合, not 符合, with the count of each outcome.
        assertThat(ok.verdict()).isEqualTo(Matcher.Verdict.POSSIBLE);
        assertThat(ok.unknowns()).isEqualTo(1);
        assertThat(ok.metCount()).isEqualTo(7);
        e.manualConditions = List.of();
        assertThat(Matcher.evaluate(e, facts(Set.of("科技型中小企业"), "4.5"), TODAY).verdict())
                .isEqualTo(Matcher.Verdict.ELIGIBLE);
        e.manualConditions = List.of("拥有核心自主知识产权");

        // R&D ratio 2.5% is the one missing condition: nearly eligible, and the page says why.
        Matcher.Evaluation nearly = Matcher.evaluate(e, facts(Set.of("科技型中小企业"), "2.5"), TODAY);
        assertThat(nearly.verdict()).isEqualTo(Matcher.Verdict.NEARLY);
        assertThat(nearly.unmet()).singleElement().satisfies(c -> {
            assertThat(c.condition()).isEqualTo("研发费用占营业收入比例不低于 3%");
            assertThat(c.detail()).isEqualTo("研发投入占比：2.5%");
        });

        // An excluded qualification and a missing required one: two unmet, ineligible.
        Matcher.Evaluation no = Matcher.evaluate(e, facts(Set.of("高新技术企业"), "4.5"), TODAY);
        assertThat(no.verdict()).isEqualTo(Matcher.Verdict.INELIGIBLE);
        assertThat(no.unmet()).extracting(Matcher.Check::condition)
                .containsExactly("已认定为科技型中小企业", "未认定为高新技术企业");
    }

    @Test
    void missingFactsAreUnknownNotUnmet() {
        Eligibility e = new Eligibility();
        e.districts = List.of("利州区");
        e.minRdRatio = new BigDecimal("3");
        e.minYears = 1;
        e.minRevenue = new BigDecimal("500");
        Matcher.Evaluation ev = Matcher.evaluate(e, new Facts(null, null, Set.of(), null, null, null, null), TODAY);
        assertThat(ev.checks()).extracting(Matcher.Check::outcome).containsOnly(Matcher.Outcome.UNKNOWN);
        assertThat(ev.checks()).extracting(Matcher.Check::detail)
                .contains("未填写所在区县", "未填写研发投入占比", "未填写成立日期", "未填写营业收入区间");
        assertThat(ev.verdict()).isEqualTo(Matcher.Verdict.POSSIBLE);
    }

    @Test
    void anEmptyFormMeetsNothingNotEvenQualificationConditions() {
        Eligibility e = new Eligibility();
        e.requiredTags = List.of("科技型中小企业");
        e.excludedTags = List.of("高新技术企业");
        Facts empty = new Facts(null, null, Set.of(), null, null, null, null);
        Matcher.Evaluation ev = Matcher.evaluate(e, empty, TODAY);
        assertThat(ev.checks()).extracting(Matcher.Check::outcome).containsOnly(Matcher.Outcome.UNKNOWN);
        assertThat(ev.verdict()).isEqualTo(Matcher.Verdict.POSSIBLE);
        assertThat(ev.worthTelling()).isFalse();
        // An item with no checkable condition is never 符合 either.
        assertThat(Matcher.evaluate(new Eligibility(), facts(Set.of(), "3"), TODAY).verdict())
                .isEqualTo(Matcher.Verdict.POSSIBLE);
    }

    /** The 高企 rule: revenue ≤5000万 → R&D ≥5 %, 5000万–2亿 → 4 %, >2亿 → 3 %. */
    @Test
    void aTieredRatioUsesTheRevenueBandsTierAndIsUnknownOnlyWhenTheBandCannotDecide() {
        Eligibility e = new Eligibility();
        e.rdTiers = List.of(new RdTier(new BigDecimal("5000"), new BigDecimal("5")),
                new RdTier(new BigDecimal("20000"), new BigDecimal("4")), new RdTier(null, new BigDecimal("3")));
        assertThat(tier(e, "2000万–5000万元", "4.2")).isEqualTo(Matcher.Outcome.NOT_MET); // the case
        assertThat(tier(e, "2000万–5000万元", "5")).isEqualTo(Matcher.Outcome.MET);
        assertThat(tier(e, "500万元以下", "4.99")).isEqualTo(Matcher.Outcome.NOT_MET);
        assertThat(tier(e, "5000万–2亿元", "4.2")).isEqualTo(Matcher.Outcome.MET);
        assertThat(tier(e, "5000万–2亿元", "3.9")).isEqualTo(Matcher.Outcome.NOT_MET);
        assertThat(tier(e, "2亿元以上", "3")).isEqualTo(Matcher.Outcome.MET);
        assertThat(tier(e, "2亿元以上", "2.9")).isEqualTo(Matcher.Outcome.NOT_MET);
        // Revenue not stated: at or above every tier is met, below every tier fails, in between is unknown.
        assertThat(tier(e, null, "5.5")).isEqualTo(Matcher.Outcome.MET);
        assertThat(tier(e, null, "2")).isEqualTo(Matcher.Outcome.NOT_MET);
        assertThat(tier(e, null, "4.2")).isEqualTo(Matcher.Outcome.UNKNOWN);
        assertThat(tier(e, "2000万–5000万元", null)).isEqualTo(Matcher.Outcome.UNKNOWN);
        // A band straddling two tiers cannot be decided between their thresholds.
        Eligibility straddle = new Eligibility();
        straddle.rdTiers = List.of(new RdTier(new BigDecimal("1000"), new BigDecimal("6")), new RdTier(null, new BigDecimal("4")));
        assertThat(tier(straddle, "500万–2000万元", "5")).isEqualTo(Matcher.Outcome.UNKNOWN);
        assertThat(tier(straddle, "500万–2000万元", "6")).isEqualTo(Matcher.Outcome.MET);
        assertThat(tier(straddle, "500万–2000万元", "3.5")).isEqualTo(Matcher.Outcome.NOT_MET);

        Matcher.Check c = Matcher.evaluate(e, new Facts(null, null, Set.of(), null, "2000万–5000万元",
                new BigDecimal("4.2"), null), TODAY).checks().get(0);
        assertThat(c.condition()).isEqualTo(
                "研发费用占营业收入比例按年营业收入分档：5000 万元及以下不低于 5%，5000 万元–2 亿元不低于 4%，2 亿元以上不低于 3%");
        assertThat(c.detail()).isEqualTo("营业收入区间：2000万–5000万元，需不低于 5%；研发投入占比：4.2%");
    }

    private static Matcher.Outcome tier(Eligibility e, String band, String rd) {
        Facts f = new Facts("利州区", null, Set.of(), null, band, rd == null ? null : new BigDecimal(rd), null);
        return Matcher.evaluate(e, f, TODAY).checks().get(0).outcome();
    }

    @Test
    void revenueBandsAreCheckedAgainstBothBoundsAndAStraddlingBandIsUnknown() {
        Eligibility e = new Eligibility();
        e.minRevenue = new BigDecimal("2000");
        e.maxRevenue = new BigDecimal("20000");
        assertThat(outcome(e, "2000万–5000万元")).isEqualTo(Matcher.Outcome.MET);
        assertThat(outcome(e, "5000万–2亿元")).isEqualTo(Matcher.Outcome.MET);
        assertThat(outcome(e, "500万–2000万元")).isEqualTo(Matcher.Outcome.NOT_MET);
        assertThat(outcome(e, "2亿元以上")).isEqualTo(Matcher.Outcome.UNKNOWN);
        e.minRevenue = new BigDecimal("1000");
        assertThat(outcome(e, "500万–2000万元")).isEqualTo(Matcher.Outcome.UNKNOWN);
        assertThat(outcome(e, "500万元以下")).isEqualTo(Matcher.Outcome.NOT_MET);
    }

    @Test
    void yearsSinceRegistrationCountWholeYearsToTheDay() {
        Eligibility young = new Eligibility();
        young.maxYears = 5;
        Facts fiveYearsToday = new Facts(null, null, Set.of(), null, null, null, TODAY.minusYears(5));
        Facts fiveYearsAndADay = new Facts(null, null, Set.of(), null, null, null, TODAY.minusYears(5).minusDays(1));
        assertThat(Matcher.evaluate(young, fiveYearsToday, TODAY).verdict()).isEqualTo(Matcher.Verdict.ELIGIBLE);
        assertThat(Matcher.evaluate(young, fiveYearsAndADay, TODAY).verdict()).isEqualTo(Matcher.Verdict.NEARLY);
        Eligibility old = new Eligibility();
        old.minYears = 1;
        Facts lastMonth = new Facts(null, null, Set.of(), null, null, null, TODAY.minusMonths(1));
        assertThat(Matcher.evaluate(old, lastMonth, TODAY).unmet()).singleElement()
                .extracting(Matcher.Check::condition).isEqualTo("成立年限不少于 1 年");
    }

    private static Matcher.Outcome outcome(Eligibility e, String band) {
        Facts f = new Facts(null, null, Set.of(), null, band, null, null);
        return Matcher.evaluate(e, f, TODAY).checks().get(0).outcome();
    }
}

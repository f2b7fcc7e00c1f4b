package cn.keyida.portal.market;

import cn.keyida.portal.techfield.TechFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one demand–achievement pair: text similarity from Elasticsearch (normalised to 0–1 by the best
 * candidate of the list) combined with structured rules, with a readable reason. The weights are the
 * ones measured by {@code MarketMatchQualityTest}.
 */
final class MarketMatcher {

    static final double TEXT = 0.45;
    static final double FIELD = 0.30;
    static final double MODE = 0.15;
    static final double BUDGET = 0.10;

    /** A scored candidate: the pair and why. */
    record Scored(MarketItem demand, MarketItem achievement, double score, String reason) {}

    private MarketMatcher() {}

    /**
     * The pair's score and reason, or empty when a hard rule excludes it (the demand's deadline passed,
     * the fields are unrelated and the texts share no word).
     */
    static Optional<Scored> score(MarketItem demand, MarketItem achievement, double text, Set<String> sharedWords,
            TechFields.Field demandField, TechFields.Field achievementField, LocalDate today) {
        if (demand.deadline != null && demand.deadline.isBefore(today)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (!sharedWords.isEmpty()) {
            reasons.add("共同关键词：" + String.join("、", sharedWords.stream().limit(5).toList()));
        }
        TechFields.Closeness closeness = TechFields.closeness(demandField, achievementField);
        double field = switch (closeness) {
            case SAME -> 1.0;
            case NEIGHBOUR -> 0.5;
            case OTHER -> 0.0;
        };
        if (closeness == TechFields.Closeness.OTHER && sharedWords.isEmpty()) {
            return Optional.empty();
        }
        if (closeness == TechFields.Closeness.SAME) {
            reasons.add("同属" + demandField.name());
        } else if (closeness == TechFields.Closeness.NEIGHBOUR) {
            reasons.add("相邻领域（" + demandField.name() + "／" + achievementField.name() + "）");
        }
        List<String> modes = demand.modes.stream().filter(achievement.modes::contains).toList();
        double mode = modes.isEmpty() ? 0 : 1;
        if (!modes.isEmpty()) {
            reasons.add("合作方式相符：" + String.join("、", modes));
        }
        double budget = 0.5; // unknown on either side
        if (achievement.price != null && demand.budgetMax != null) {
            if (achievement.price.compareTo(demand.budgetMax) <= 0) {
                budget = 1;
                reasons.add("参考价格" + plain(achievement.price) + "万元在预算" + budgetText(demand) + "内");
            } else {
                budget = 0;
                reasons.add("参考价格" + plain(achievement.price) + "万元高于预算上限" + plain(demand.budgetMax) + "万元");
            }
        }
        double score = TEXT * text + FIELD * field + MODE * mode + BUDGET * budget;
        return Optional.of(new Scored(demand, achievement, Math.round(score * 1000) / 1000.0, String.join("；", reasons)));
    }

    private static String budgetText(MarketItem d) {
        return d.budgetMin == null ? plain(d.budgetMax) + "万元以" : plain(d.budgetMin) + "–" + plain(d.budgetMax) + "万元";
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}

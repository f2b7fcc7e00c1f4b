package cn.keyida.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchEvaluationTest {

    @Test
    void perfectRankingScoresOne() {
        assertThat(SearchEvaluation.ndcg(List.of("a", "b", "c"), Map.of("a", 2, "b", 1))).isEqualTo(1.0);
        assertThat(SearchEvaluation.reciprocalRank(List.of("a", "b"), Map.of("a", 2))).isEqualTo(1.0);
    }

    @Test
    void swappedRankingScoresLess() {
        // DCG = 1/log2(2) + 3/log2(3); ideal = 3 + 1/log2(3)
        double expected = (1 + 3 / (Math.log(3) / Math.log(2))) / (3 + 1 / (Math.log(3) / Math.log(2)));
        assertThat(SearchEvaluation.ndcg(List.of("b", "a"), Map.of("a", 2, "b", 1))).isCloseTo(expected, within(1e-9));
        assertThat(SearchEvaluation.reciprocalRank(List.of("x", "y", "a"), Map.of("a", 1))).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void nothingRelevantFoundScoresZero() {
        assertThat(SearchEvaluation.ndcg(List.of("x", "y"), Map.of("a", 2))).isZero();
        assertThat(SearchEvaluation.reciprocalRank(List.of(), Map.of("a", 2))).isZero();
    }
}

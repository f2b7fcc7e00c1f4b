package cn.keyida.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void recallCountsRelevantRecordsInTheTopTenAndPrecisionTheFirstFive() {
        Map<String, Integer> grades = Map.of("a", 2, "b", 1, "c", 0, "d", 1);
        assertThat(SearchEvaluation.recall(List.of("c", "a", "x", "b"), grades)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(SearchEvaluation.precisionAt5(List.of("c", "a", "x", "b", "y", "d"), grades)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void summaryCountsZeroResultsAndUngradedResults() {
        SearchEvaluation.Judgment j1 = new SearchEvaluation.Judgment(1, "q1", "test", Map.of(), Map.of("a", 2, "c", 0));
        SearchEvaluation.Judgment j2 = new SearchEvaluation.Judgment(2, "q2", "test", Map.of(), Map.of("b", 1));
        SearchEvaluation.Summary s = SearchEvaluation.summarize(List.of(
                SearchEvaluation.score(j1, new SearchEvaluation.Ranking(List.of("a", "c", "x", "y"), 4)),
                SearchEvaluation.score(j2, new SearchEvaluation.Ranking(List.of(), 0))));
        assertThat(s.queries()).isEqualTo(2);
        assertThat(s.zeroRate()).isEqualTo(0.5);
        assertThat(s.unjudgedShare()).isEqualTo(0.5); // x and y of 4 results
        assertThat(s.ndcg()).isCloseTo(0.5, within(1e-9)); // 1 and 0
        assertThat(s.mrr()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void judgmentsFileNeedsAHalfAndKnownFilters(@TempDir Path dir) throws Exception {
        SearchEvaluation evaluation = new SearchEvaluation(null, null, new ObjectMapper());
        Path ok = dir.resolve("ok.jsonl");
        Files.writeString(ok, """
                {"q":"贷款","half":"test","filters":{"type":["finance"],"region":"四川省"},"grades":{"a":2}}
                {"q":"高企","half":"tune","relevant":{"b":1}}
                """);
        List<SearchEvaluation.Judgment> js = evaluation.read(ok);
        assertThat(js).hasSize(2);
        assertThat(js.get(0).filters()).containsEntry("type", List.of("finance")).containsEntry("region", List.of("四川省"));
        assertThat(js.get(0).label()).isEqualTo("贷款 [type=finance] [region=四川省]");
        assertThat(js.get(1).grades()).containsEntry("b", 1);
        Path noHalf = dir.resolve("nohalf.jsonl");
        Files.writeString(noHalf, "{\"q\":\"x\",\"grades\":{\"a\":2}}\n");
        assertThatThrownBy(() -> evaluation.read(noHalf)).hasMessageContaining("half");
        Path badFilter = dir.resolve("bad.jsonl");
        Files.writeString(badFilter, "{\"q\":\"x\",\"half\":\"test\",\"filters\":{\"colour\":[\"red\"]},\"grades\":{\"a\":2}}\n");
        assertThatThrownBy(() -> evaluation.read(badFilter)).hasMessageContaining("colour");
    }
}

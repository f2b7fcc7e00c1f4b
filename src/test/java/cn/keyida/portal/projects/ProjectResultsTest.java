package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean, spread and the median-distance outlier rule of the result table. */
class ProjectResultsTest {

    static ProjectResults.Score s(String who, int total) {
        return new ProjectResults.Score(who, BigDecimal.valueOf(total));
    }

    @Test
    void meanSpreadAndTheReviewerFarFromTheOthers() {
        ProjectResults.Result r = ProjectResults.of(List.of(s("a", 80), s("b", 84), s("c", 50)), 20);
        assertThat(r.mean()).isEqualByComparingTo("71.33");
        assertThat(r.range()).isEqualByComparingTo("34");
        assertThat(r.stdDev()).isEqualByComparingTo("15.17");
        assertThat(r.outliers()).containsExactly("c");
    }

    @Test
    void closeScoresHaveNoOutlierAndTwoScoresNeverDo() {
        assertThat(ProjectResults.of(List.of(s("a", 80), s("b", 84), s("c", 70)), 20).outliers()).isEmpty();
        assertThat(ProjectResults.of(List.of(s("a", 90), s("b", 10)), 20).outliers()).isEmpty();
        assertThat(ProjectResults.of(List.of(), 20).complete()).isFalse();
    }
}

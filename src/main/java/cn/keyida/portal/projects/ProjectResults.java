package cn.keyida.portal.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of the scoring of one application: mean of the reviewers' totals, spread (max − min and the
 * population standard deviation) and outliers. A total is an outlier when it lies more than
 * {@code outlierPoints} (of 100) from the mean of the other reviewers' totals: with three reviewers a
 * standard-deviation rule can never fire (one value cannot be 1.5 σ from a mean it is part of), while
 * a leave-one-out distance names the reviewer who disagrees with the rest.
 */
public final class ProjectResults {

    public record Score(String expert, BigDecimal total) {}

    public record Result(List<Score> scores, BigDecimal mean, BigDecimal stdDev, BigDecimal range, List<String> outliers) {
        public boolean complete() {
            return !scores.isEmpty();
        }

        public boolean isOutlier(String expert) {
            return outliers.contains(expert);
        }
    }

    private ProjectResults() {}

    public static Result of(List<Score> scores, int outlierPoints) {
        if (scores.isEmpty()) {
            return new Result(List.of(), null, null, null, List.of());
        }
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Score s : scores) {
            double v = s.total().doubleValue();
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / scores.size();
        double var = 0;
        for (Score s : scores) {
            var += Math.pow(s.total().doubleValue() - mean, 2);
        }
        double sd = Math.sqrt(var / scores.size());
        List<String> outliers = new ArrayList<>();
        if (scores.size() >= 3) {
            double[] sorted = scores.stream().mapToDouble(s -> s.total().doubleValue()).sorted().toArray();
            int m = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
            for (Score s : scores) {
                if (Math.abs(s.total().doubleValue() - median) > outlierPoints) {
                    outliers.add(s.expert());
                }
            }
        }
        return new Result(scores, round(mean), round(sd), round(max - min), outliers);
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}

package cn.keyida.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures search quality against a running portal: for graded judgments
 * {@code {"q": ..., "relevant": {"<id>": 2|1}}} it prints nDCG@10, MRR@10 and the zero-result rate.
 */
public class SearchEvaluation {

    static final int K = 10;

    public record QueryScore(String q, double ndcg, double rr, long total, List<String> top) {}

    public record Summary(int queries, double ndcg, double mrr, double zeroRate) {}

    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    public SearchEvaluation(ObjectMapper json) {
        this.json = json;
    }

    public Summary run(Path judgments, String baseUrl, PrintStream out) throws IOException, InterruptedException {
        List<QueryScore> scores = new ArrayList<>();
        for (String line : Files.readAllLines(judgments, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode j = json.readTree(line);
            Map<String, Integer> relevant = new LinkedHashMap<>();
            j.get("relevant").fields().forEachRemaining(e -> relevant.put(e.getKey(), e.getValue().asInt()));
            scores.add(score(j.get("q").asText(), relevant, baseUrl));
        }
        out.printf("%-24s %7s %6s %6s  %s%n", "query", "nDCG@10", "RR", "hits", "top 3");
        for (QueryScore s : scores) {
            out.printf("%-24s %7.3f %6.3f %6d  %s%n", s.q(), s.ndcg(), s.rr(), s.total(),
                    String.join(" ", s.top().subList(0, Math.min(3, s.top().size()))));
        }
        Summary summary = new Summary(scores.size(),
                scores.stream().mapToDouble(QueryScore::ndcg).average().orElse(0),
                scores.stream().mapToDouble(QueryScore::rr).average().orElse(0),
                scores.stream().filter(s -> s.total() == 0).count() / (double) Math.max(1, scores.size()));
        out.printf("%nqueries %d   nDCG@10 %.3f   MRR@10 %.3f   zero-result rate %.1f%%%n",
                summary.queries(), summary.ndcg(), summary.mrr(), summary.zeroRate() * 100);
        return summary;
    }

    QueryScore score(String q, Map<String, Integer> relevant, String baseUrl) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/api/search?size=" + K + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("search for " + q + " answered " + response.statusCode());
        }
        JsonNode result = json.readTree(response.body());
        List<String> top = new ArrayList<>();
        result.get("hits").forEach(h -> top.add(h.get("slug").asText()));
        return new QueryScore(q, ndcg(top, relevant), reciprocalRank(top, relevant), result.get("total").asLong(), top);
    }

    static double ndcg(List<String> ranking, Map<String, Integer> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            dcg += gain(relevant.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = relevant.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double reciprocalRank(List<String> ranking, Map<String, Integer> relevant) {
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            if (relevant.getOrDefault(ranking.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

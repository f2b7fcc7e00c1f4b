package cn.keyida.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures search quality on graded judgments ({@code data/search-judgments.jsonl}, format in
 * {@code data/README.md}) and puts the portal beside two plain baselines computed in the same run on
 * the same records: {@code multi_match} over title, summary, tags and body with the standard analyzer
 * and with smartcn, in temporary indices copied from the portal's index and deleted afterwards. Each
 * half of the judgments (tuning, test) is reported on its own, so a query tuned on one half is judged
 * on the other.
 */
@ApplicationScoped
public class SearchEvaluation {

    static final int K = 10;
    public static final String PORTAL = "portal";
    public static final String STANDARD = "multi_match standard";
    public static final String SMARTCN = "multi_match smartcn";
    public static final List<String> HALVES = List.of("tune", "test");

    /** One judged query: its filters use the search API's facet names ({@link SearchQuery#FACETS}). */
    public record Judgment(int line, String q, String half, Map<String, List<String>> filters,
            Map<String, Integer> grades) {

        public String label() {
            StringBuilder sb = new StringBuilder(q);
            filters.forEach((k, v) -> sb.append(" [").append(k).append('=').append(String.join(",", v)).append(']'));
            return sb.toString();
        }

        long relevantCount() {
            return grades.values().stream().filter(g -> g > 0).count();
        }
    }

    /** What one engine returned for one query: the top {@link #K} ids and the total it counted. */
    public record Ranking(List<String> top, long total) {}

    public record QueryScore(Judgment judgment, Ranking ranking, double ndcg, double recall, double p5, double rr,
            int unjudged) {}

    /** Means over the queries of one half (nDCG, recall, P@5 and MRR over those with a relevant record). */
    public record Summary(int queries, double ndcg, double recall, double p5, double mrr, double zeroRate,
            double unjudgedShare) {}

    /** Per engine, per half. */
    public record Report(Map<String, Map<String, Summary>> summaries,
            Map<String, Map<String, List<QueryScore>>> scores, int records) {

        public Summary summary(String engine, String half) {
            return summaries.get(engine).get(half);
        }

        /** The baseline with the higher nDCG@10 on this half. */
        public String betterBaseline(String half) {
            return summary(STANDARD, half).ndcg() >= summary(SMARTCN, half).ndcg() ? STANDARD : SMARTCN;
        }
    }

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    SearchEvaluation(ElasticsearchClient client, SearchConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
    }

    // ---------------------------------------------------------------- judgments

    /**
     * Reads the judgments: {@code {"q", "half", "filters"?, "grades": {id: 0|1|2}}}; the older form
     * {@code "relevant"} (grades above 0 only) is read as grades too.
     */
    public List<Judgment> read(Path file) throws IOException {
        List<Judgment> out = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode j = json.readTree(text);
            if (!j.hasNonNull("q") || !j.hasNonNull("half") || !HALVES.contains(j.get("half").asText())) {
                throw new IOException(file + " line " + line + ": needs \"q\" and \"half\" (tune or test)");
            }
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String field : List.of("relevant", "grades")) {
                if (j.has(field)) {
                    j.get(field).fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
                }
            }
            Map<String, List<String>> filters = new LinkedHashMap<>();
            if (j.has("filters")) {
                j.get("filters").fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> values.add(v.asText()));
                    } else {
                        values.add(e.getValue().asText());
                    }
                    filters.put(e.getKey(), values);
                });
            }
            for (String facet : filters.keySet()) {
                if (!SearchQuery.FACETS.containsKey(facet)) {
                    throw new IOException(file + " line " + line + ": unknown filter " + facet);
                }
            }
            out.add(new Judgment(line, j.get("q").asText(), j.get("half").asText(), filters, grades));
        }
        return out;
    }

    // ---------------------------------------------------------------- the run

    /** Prints the comparison on both halves; with {@code verbose} every query's scores as well. */
    public Report run(Path judgments, String baseUrl, PrintStream out, boolean verbose)
            throws IOException, InterruptedException {
        return run(judgments, baseUrl, out, verbose, HALVES);
    }

    /**
     * Prints the comparison on the given halves only: whoever tunes the query looks at {@code tune}
     * alone, so the test half stays unseen until the change is done.
     */
    public Report run(Path judgments, String baseUrl, PrintStream out, boolean verbose, List<String> halves)
            throws IOException, InterruptedException {
        List<Judgment> js = read(judgments);
        Map<String, Map<String, Ranking>> rankings = rankings(js, baseUrl, null);
        Report report = score(js, rankings.get("#records").size(), rankings);
        print(report, baseUrl, out, verbose, halves);
        return report;
    }

    /**
     * The pool of each query for judging: the union of every engine's top 10, with the records'
     * titles and summaries, grades already given shown, new ones marked {@code ?}.
     */
    public void pool(Path judgments, String baseUrl, PrintStream out, boolean onlyUngraded)
            throws IOException, InterruptedException {
        List<Judgment> js = read(judgments);
        Map<String, SearchDocument> docs = new LinkedHashMap<>();
        Map<String, Map<String, Ranking>> rankings = rankings(js, baseUrl, docs);
        for (Judgment j : js) {
            Set<String> pool = new LinkedHashSet<>();
            for (String engine : List.of(PORTAL, STANDARD, SMARTCN)) {
                pool.addAll(rankings.get(engine).get(key(j)).top());
            }
            if (onlyUngraded && j.grades().keySet().containsAll(pool)) {
                continue;
            }
            out.printf("%n#%d %s (%s)%n", j.line(), j.label(), j.half());
            for (String id : pool) {
                SearchDocument d = docs.get(id);
                Integer g = j.grades().get(id);
                String summary = d == null || d.summary() == null ? "" : d.summary();
                out.printf("  %s %s | %s | %s | %s%n", g == null ? "?" : g, id, d == null ? "" : d.region(),
                        d == null ? "" : d.title(), summary.length() > 90 ? summary.substring(0, 90) : summary);
            }
        }
    }

    private static String key(Judgment j) {
        return j.line() + "";
    }

    /** Every engine's ranking per judgment (key: line); {@code "#records"} holds the copied ids. */
    private Map<String, Map<String, Ranking>> rankings(List<Judgment> js, String baseUrl,
            Map<String, SearchDocument> docsOut) throws IOException, InterruptedException {
        Map<String, Map<String, Ranking>> out = new LinkedHashMap<>();
        Map<String, Ranking> portal = new LinkedHashMap<>();
        for (Judgment j : js) {
            portal.put(key(j), portal(j, baseUrl));
        }
        out.put(PORTAL, portal);
        if (!client.indices().existsAlias(e -> e.name(config.alias())).value()) {
            throw new IOException("no search index under the alias " + config.alias()
                    + ": evaluate with the portal's alias (--alias NAME)");
        }
        long stamp = System.currentTimeMillis();
        String std = config.alias() + "-baseline-standard-" + stamp;
        String zh = config.alias() + "-baseline-smartcn-" + stamp;
        try {
            createBaseline(std, "standard");
            createBaseline(zh, "zh");
            Map<String, SearchDocument> docs = copyRecords(List.of(std, zh));
            long portalRecords = portal(new Judgment(0, "", "tune", Map.of(), Map.of()), baseUrl).total();
            if (portalRecords != docs.size()) {
                // Baselines on other records than the portal's would compare nothing.
                throw new IOException("the portal at " + baseUrl + " holds " + portalRecords + " records, the alias "
                        + config.alias() + " " + docs.size() + ": evaluate with the portal's alias (--alias NAME)");
            }
            if (docsOut != null) {
                docsOut.putAll(docs);
            }
            Map<String, Ranking> records = new LinkedHashMap<>();
            docs.keySet().forEach(id -> records.put(id, null));
            out.put("#records", records);
            for (Map.Entry<String, String> e : Map.of(STANDARD, std, SMARTCN, zh).entrySet()) {
                Map<String, Ranking> r = new LinkedHashMap<>();
                for (Judgment j : js) {
                    r.put(key(j), baseline(e.getValue(), j));
                }
                out.put(e.getKey(), r);
            }
        } finally {
            for (String index : List.of(std, zh)) {
                if (client.indices().exists(x -> x.index(index)).value()) {
                    client.indices().delete(d -> d.index(index));
                }
            }
        }
        return out;
    }

    Ranking portal(Judgment j, String baseUrl) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(baseUrl).append("/api/search?size=").append(K).append("&q=").append(enc(j.q()));
        j.filters().forEach((k, vs) -> vs.forEach(v -> url.append('&').append(enc(k)).append('=').append(enc(v))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // The portal limits searches per client (300 a minute by default): a run asks about 200, so a
        // second run within the minute waits as the portal asks.
        for (int attempt = 0; response.statusCode() == 429 && attempt < 10; attempt++) {
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
            Thread.sleep(Math.max(1, Math.min(wait, 60)) * 1000);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IOException("search for " + j.label() + " answered " + response.statusCode());
        }
        JsonNode result = json.readTree(response.body());
        List<String> top = new ArrayList<>();
        result.get("hits").forEach(h -> top.add(h.get("slug").asText()));
        return new Ranking(top, result.get("total").asLong());
    }

    /** Plain {@code multi_match} (best fields, OR, no boosts), the judgment's filters on the same fields. */
    private Ranking baseline(String index, Judgment j) throws IOException {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.must(m -> m.multiMatch(mm -> mm.query(j.q()).fields("title", "summary", "tags", "body")));
        j.filters().forEach((name, values) -> {
            List<FieldValue> fv = values.stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field(SearchQuery.FACETS.get(name)).terms(v -> v.value(fv))));
        });
        SearchResponse<Void> response = client.search(s -> s.index(index).size(K).query(q -> q.bool(bool.build()))
                .source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(true)), Void.class);
        List<String> top = response.hits().hits().stream().map(Hit::id).toList();
        return new Ranking(top, response.hits().total() == null ? top.size() : response.hits().total().value());
    }

    private void createBaseline(String index, String analyzer) throws IOException {
        String text = "{\"type\":\"text\",\"analyzer\":\"" + analyzer + "\"}";
        String keyword = "{\"type\":\"keyword\"}";
        String definition = """
                {"settings":{"number_of_shards":1,"number_of_replicas":0,"refresh_interval":"-1",
                  "analysis":{"analyzer":{"zh":{"type":"custom","tokenizer":"smartcn_tokenizer",
                    "filter":["lowercase","smartcn_stop"]}}}},
                 "mappings":{"dynamic":false,"properties":{
                  "title":%1$s,"summary":%1$s,"tags":%1$s,"body":%1$s,
                  "type":%2$s,"level":%2$s,"region":%2$s,"owner":%2$s,"category":%2$s,"validity":%2$s,
                  "year":{"type":"integer"}}}}
                """.formatted(text, keyword);
        client.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
    }

    /** Copies every record under the portal's alias into the baseline indices, in pages of 500. */
    private Map<String, SearchDocument> copyRecords(List<String> indices) throws IOException {
        Map<String, SearchDocument> docs = new LinkedHashMap<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> cursor = after;
            SearchResponse<SearchDocument> page = client.search(s -> {
                s.index(config.alias()).size(500).query(q -> q.matchAll(m -> m))
                        .sort(o -> o.field(f -> f.field("slug").order(SortOrder.Asc)));
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, SearchDocument.class);
            List<Hit<SearchDocument>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<SearchDocument> h : hits) {
                docs.put(h.source().slug(), h.source());
                for (String index : indices) {
                    bulk.operations(op -> op.index(i -> i.index(index).id(h.source().slug()).document(h.source())));
                }
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IOException("baseline bulk failed: " + response.items().stream()
                        .filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse(""));
            }
            after = hits.get(hits.size() - 1).sort();
        }
        for (String index : indices) {
            client.indices().refresh(r -> r.index(index));
        }
        return docs;
    }

    // ---------------------------------------------------------------- scoring

    static Report score(List<Judgment> js, int records, Map<String, Map<String, Ranking>> rankings) {
        Map<String, Map<String, Summary>> summaries = new LinkedHashMap<>();
        Map<String, Map<String, List<QueryScore>>> scores = new LinkedHashMap<>();
        for (String engine : List.of(PORTAL, STANDARD, SMARTCN)) {
            Map<String, Summary> perHalf = new LinkedHashMap<>();
            Map<String, List<QueryScore>> perHalfScores = new LinkedHashMap<>();
            for (String half : HALVES) {
                List<QueryScore> qs = new ArrayList<>();
                for (Judgment j : js) {
                    if (j.half().equals(half)) {
                        qs.add(score(j, rankings.get(engine).get(key(j))));
                    }
                }
                perHalfScores.put(half, qs);
                perHalf.put(half, summarize(qs));
            }
            summaries.put(engine, perHalf);
            scores.put(engine, perHalfScores);
        }
        return new Report(summaries, scores, records);
    }

    static QueryScore score(Judgment j, Ranking r) {
        Map<String, Integer> g = j.grades();
        int unjudged = (int) r.top().stream().filter(id -> !g.containsKey(id)).count();
        return new QueryScore(j, r, ndcg(r.top(), g), recall(r.top(), g), precisionAt5(r.top(), g),
                reciprocalRank(r.top(), g), unjudged);
    }

    static Summary summarize(List<QueryScore> qs) {
        List<QueryScore> rel = qs.stream().filter(s -> s.judgment().relevantCount() > 0).toList();
        int n = Math.max(1, rel.size());
        long returned = qs.stream().mapToLong(s -> s.ranking().top().size()).sum();
        return new Summary(qs.size(),
                rel.stream().mapToDouble(QueryScore::ndcg).sum() / n,
                rel.stream().mapToDouble(QueryScore::recall).sum() / n,
                rel.stream().mapToDouble(QueryScore::p5).sum() / n,
                rel.stream().mapToDouble(QueryScore::rr).sum() / n,
                // Zero results: the page shows nothing (a portal page whose well-matching count is 0 still
                // lists partial matches below it).
                qs.stream().filter(s -> s.ranking().top().isEmpty()).count() / (double) Math.max(1, qs.size()),
                qs.stream().mapToLong(QueryScore::unjudged).sum() / (double) Math.max(1, returned));
    }

    static double ndcg(List<String> ranking, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            dcg += gain(grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Relevant records (grade 1 or 2) in the top 10, over all relevant records (at most 10). */
    static double recall(List<String> ranking, Map<String, Integer> grades) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(K).filter(id -> grades.getOrDefault(id, 0) > 0).count();
        return found / (double) Math.min(K, relevant);
    }

    static double precisionAt5(List<String> ranking, Map<String, Integer> grades) {
        return ranking.stream().limit(5).filter(id -> grades.getOrDefault(id, 0) > 0).count() / 5.0;
    }

    static double reciprocalRank(List<String> ranking, Map<String, Integer> grades) {
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            if (grades.getOrDefault(ranking.get(i), 0) > 0) {
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

    // ---------------------------------------------------------------- output

    static void print(Report report, String baseUrl, PrintStream out, boolean verbose, List<String> halves) {
        Map<String, Integer> sizes = new TreeMap<>();
        HALVES.forEach(h -> sizes.put(h, report.summary(PORTAL, h).queries()));
        out.printf("Search evaluation: %d records, portal %s; tune %d queries, test %d queries%n",
                report.records(), baseUrl, sizes.get("tune"), sizes.get("test"));
        out.printf("unjudged = share of the engine's top 10 that no one graded (counted as 0)%n%n");
        for (String half : halves) {
            out.printf("%-5s %-22s %7s %6s %6s %6s %6s %8s%n", half, "engine", "nDCG@10", "R@10", "P@5", "MRR@10",
                    "zero", "unjudged");
            for (String engine : List.of(PORTAL, STANDARD, SMARTCN)) {
                Summary s = report.summary(engine, half);
                out.printf("      %-22s %7.3f %6.3f %6.3f %6.3f %5.1f%% %7.1f%%%n", engine, s.ndcg(), s.recall(),
                        s.p5(), s.mrr(), s.zeroRate() * 100, s.unjudgedShare() * 100);
            }
            String better = report.betterBaseline(half);
            List<QueryScore> portal = report.scores().get(PORTAL).get(half);
            List<QueryScore> base = report.scores().get(better).get(half);
            int wins = 0;
            int ties = 0;
            List<String> losses = new ArrayList<>();
            for (int i = 0; i < portal.size(); i++) {
                double p = portal.get(i).ndcg();
                double b = base.get(i).ndcg();
                if (p > b + 1e-9) {
                    wins++;
                } else if (p < b - 1e-9) {
                    losses.add(String.format("        %s %5.3f  %5.3f%s", pad(portal.get(i).judgment().label(), 34), p, b,
                            portal.get(i).ranking().top().isEmpty() ? "  (portal: 0 results)" : ""));
                } else {
                    ties++;
                }
            }
            out.printf("      portal vs %s: %d wins, %d losses, %d ties%n", better, wins, losses.size(), ties);
            if (!losses.isEmpty()) {
                out.printf("        %s %5s  %5s%n", pad("lost on (nDCG@10)", 34), "portal", "base");
                losses.forEach(out::println);
            }
            out.println();
        }
        if (verbose) {
            out.printf("%-5s %s %7s %7s %7s %6s%n", "half", pad("query", 34), "portal", "std", "smartcn", "hits");
            for (String half : halves) {
                List<QueryScore> p = report.scores().get(PORTAL).get(half);
                List<QueryScore> s = report.scores().get(STANDARD).get(half);
                List<QueryScore> z = report.scores().get(SMARTCN).get(half);
                for (int i = 0; i < p.size(); i++) {
                    out.printf("%-5s %s %7.3f %7.3f %7.3f %6d%n", half, pad(p.get(i).judgment().label(), 34), p.get(i).ndcg(),
                            s.get(i).ndcg(), z.get(i).ndcg(), p.get(i).ranking().total());
                }
            }
        }
    }

    /** Pads to a terminal width: CJK characters take two columns. */
    static String pad(String s, int width) {
        int w = s.codePoints().map(c -> c >= 0x1100 && (c <= 0x115f || c >= 0x2e80) ? 2 : 1).sum();
        return w >= width ? s : s + " ".repeat(width - w);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package cn.keyida.portal.search;

import cn.keyida.portal.web.WebConfig;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one place that queries Elasticsearch for content. */
@ApplicationScoped
public class SearchService {

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final QueryAnalyzer analyzer;
    private final WebConfig site;
    private final cn.keyida.portal.common.PortalClock clock;

    SearchService(ElasticsearchClient client, SearchConfig config, QueryAnalyzer analyzer, WebConfig site,
            cn.keyida.portal.common.PortalClock clock) {
        this.client = client;
        this.config = config;
        this.analyzer = analyzer;
        this.site = site;
        this.clock = clock;
    }

    /** The records that match well, then (when those run out on this page) the partial matches. */
    public SearchResult search(SearchQuery query) {
        return search(query, true);
    }

    /** Only the records that match well: what feeds and digests carry. */
    public SearchResult wellMatching(SearchQuery query) {
        return search(query, false);
    }

    /**
     * When nothing matches, a looser query (any term, fewer words of each) gives "did you mean"
     * suggestions on the zero-result page.
     */
    public List<SearchDocument> relaxed(SearchQuery query, int limit) {
        if (query.q().isEmpty()) {
            return List.of();
        }
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(limit)
                .query(looseQuery(query.q())).source(src -> src.filter(f -> f.excludes("body"))));
        return execute(request).hits().hits().stream().map(h -> h.source()).toList();
    }

    /**
     * Which of the given items the search matches well (at most a few hundred): digests and reminders
     * ask PostgreSQL what changed and Elasticsearch which of those a saved search wants.
     */
    public java.util.Set<String> matching(SearchQuery query, java.util.Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return java.util.Set.of();
        }
        List<FieldValue> ids = slugs.stream().distinct().map(FieldValue::of).toList();
        Query wanted = buildQuery(query, analyze(query), Match.ALL);
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(ids.size())
                .query(q -> q.bool(b -> b.must(wanted)
                        .filter(f -> f.terms(t -> t.field("slug").terms(v -> v.value(ids))))))
                .source(src -> src.filter(f -> f.includes("slug"))));
        return execute(request).hits().hits().stream().map(h -> h.source().slug())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Items of every type similar to the given one (more-like-this, at most {@code perType} of each type). */
    public List<SearchDocument> related(String slug, int perType) {
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(5)
                .query(q -> q.moreLikeThis(m -> m.fields("title", "summary", "tags", "body")
                        .like(l -> l.document(d -> d.index(config.alias()).id(slug)))
                        .minTermFreq(1).minDocFreq(1).maxQueryTerms(30).minimumShouldMatch("20%")))
                .collapse(c -> c.field("type").innerHits(i -> i.name("top").size(perType)))
                .source(src -> src.filter(f -> f.includes("slug", "type", "title", "url", "publishDate"))));
        try {
            var response = client.search(request, SearchDocument.class);
            List<SearchDocument> out = new ArrayList<>();
            response.hits().hits().forEach(h -> h.innerHits().get("top").hits().hits().forEach(
                    inner -> out.add(inner.source().to(SearchDocument.class))));
            return out;
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** A record similar to a text, with Elasticsearch's score. */
    public record Similar(String slug, double score) {}

    /**
     * Candidate retrieval for the technology market: records of {@code type} whose slug starts with
     * {@code slugPrefix}, most like {@code text} (more-like-this over title, summary, tags and body).
     */
    public List<Similar> similar(String text, String type, String slugPrefix, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(limit)
                .query(q -> q.bool(b -> b
                        .must(m -> m.moreLikeThis(mlt -> mlt.fields("title", "summary", "tags", "body")
                                .like(l -> l.text(text))
                                .minTermFreq(1).minDocFreq(1).maxQueryTerms(40).minimumShouldMatch("10%")))
                        .filter(f -> f.term(t -> t.field("type").value(type)))
                        .filter(f -> f.prefix(pf -> pf.field("slug").value(slugPrefix)))))
                .source(src -> src.filter(f -> f.includes("slug"))));
        return execute(request).hits().hits().stream()
                .map(h -> new Similar(h.source().slug(), h.score() == null ? 0 : h.score())).toList();
    }

    /** The distinct words of a text as the index cuts them (smartcn), two characters or longer. */
    public java.util.Set<String> words(String text) {
        return analyzer.words(text);
    }

    /** Which records a query asks for: every aspect (matches well), or some of them (a partial match). */
    enum Match { ALL, PARTIAL }

    private SearchResult search(SearchQuery query, boolean withPartial) {
        QueryAnalyzer.Analysis analysis = analyze(query);
        int from = (query.page() - 1) * query.size();
        SearchResponse<SearchDocument> response = execute(request(query, analysis, Match.ALL, from, query.size(), true));
        List<SearchResult.Hit> hits = new ArrayList<>(hits(response, false));
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        SearchQuery.FACETS.keySet().forEach(name -> facets.put(name, buckets(response.aggregations().get(name))));
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        long partialTotal = 0;
        if (withPartial && !analysis.isEmpty() && hits.size() < query.size()) {
            // The well-matching records ran out on this page: continue with those that miss an aspect.
            int partialFrom = (int) Math.max(0, from - total);
            SearchResponse<SearchDocument> partial = execute(request(query, analysis, Match.PARTIAL, partialFrom,
                    query.size() - hits.size(), false));
            hits.addAll(hits(partial, true));
            partialTotal = partial.hits().total() == null ? 0 : partial.hits().total().value();
        }
        String correction = withPartial && total < FEW ? correction(query, analysis, total) : null;
        return new SearchResult(total, query.page(), query.size(), hits, facets, partialTotal, correction);
    }

    /** Fewer well-matching records than this: look for a spelling that finds more. */
    static final int FEW = 3;

    private static List<SearchResult.Hit> hits(SearchResponse<SearchDocument> response, boolean partial) {
        return response.hits().hits().stream()
                .map(h -> new SearchResult.Hit(h.source(), h.highlight(), partial)).toList();
    }

    private QueryAnalyzer.Analysis analyze(SearchQuery query) {
        return query.q().isEmpty() ? new QueryAnalyzer.Analysis("", List.of(), List.of()) : analyzer.analyze(query.q());
    }

    /** The first request a search sends: one page of the well-matching records with the facets. */
    SearchRequest request(SearchQuery query) {
        return request(query, analyze(query), Match.ALL, (query.page() - 1) * query.size(), query.size(), true);
    }

    /** The request of one page of well-matching ({@link Match#ALL}) or partial results. */
    SearchRequest request(SearchQuery query, QueryAnalyzer.Analysis analysis, Match match, int from, int size,
            boolean facets) {
        return SearchRequest.of(s -> {
            s.index(config.alias())
                    .query(buildQuery(query, analysis, match))
                    .from(from)
                    .size(size)
                    // Result lists show the highlighted passage, never the whole body: leave it in the index.
                    .source(src -> src.filter(f -> f.excludes("body")))
                    .trackTotalHits(t -> facets ? t.enabled(true) : t.count(PARTIAL_COUNT_LIMIT))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html)
                            .preTags("<mark>").postTags("</mark>")
                            .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("body", HighlightField.of(f -> {
                                        f.fragmentSize(120).numberOfFragments(1);
                                        return analysis.isEmpty() ? f : f.highlightQuery(bodyHighlight(analysis, match));
                                    }))));
            if (query.sort() == SearchQuery.Sort.DATE || query.q().isEmpty()) {
                s.sort(o -> o.field(f -> f.field("publishDate").order(SortOrder.Desc).missing("_last")));
            } else {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                s.sort(o -> o.field(f -> f.field("publishDate").order(SortOrder.Desc).missing("_last")));
            }
            if (facets) {
                SearchQuery.FACETS.forEach((name, field) -> s.aggregations(name, facet(name, field)));
            }
            return s;
        });
    }

    /**
     * What the body passage marks: the query's own body clauses (each wording as a phrase; for partial
     * matches also the words), without the rest of the query, which the highlighter would otherwise
     * rewrite for every hit (measured at 100,000 records: the summed `took` of the mix 2 to 14 % lower).
     */
    private static Query bodyHighlight(QueryAnalyzer.Analysis analysis, Match match) {
        List<Query> wordings = analysis.aspects().stream().flatMap(a -> a.variants().stream())
                .map(v -> Query.of(q -> q.matchPhrase(p -> p.field("body").query(v)))).collect(Collectors.toList());
        if (match == Match.PARTIAL) {
            wordings.add(Query.of(q -> q.match(m -> m.field("body").query(words(analysis)))));
        }
        return Query.of(q -> q.bool(b -> b.should(wordings)));
    }

    /** Partial matches are counted up to this many (they only continue a short list). */
    static final int PARTIAL_COUNT_LIMIT = 1_000;

    /**
     * Titles matching a prefix of what the visitor typed, also inside a word; for a whole question
     * (研发投入后补助怎么申请) the titles with every aspect of it.
     */
    public List<SearchDocument> suggest(String prefix, int limit) {
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty()) {
            return List.of();
        }
        String text = p.length() > 50 ? p.substring(0, 50) : p;
        QueryAnalyzer.Analysis analysis = analyzer.analyze(text);
        boolean sentence = analysis.aspects().size() > 1 || !analysis.fillers().isEmpty();
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(limit)
                .query(q -> q.bool(b -> {
                    b.should(sh -> sh.matchPhrasePrefix(m -> m.field("title.std").query(text)))
                            .should(sh -> sh.prefix(px -> px.field("title.keyword").value(text).boost(2f)))
                            .minimumShouldMatch("1");
                    if (sentence) {
                        List<Query> aspects = analysis.aspects().stream().map(a -> {
                            List<Query> variants = a.variants().stream().map(v -> Query.of(x -> x.multiMatch(m -> m
                                    .query(v).type(TextQueryType.Phrase).fields("title^3", "tags")))).toList();
                            return Query.of(x -> x.disMax(d -> d.queries(variants)));
                        }).toList();
                        b.should(sh -> sh.bool(all -> all.must(aspects)));
                    }
                    return b;
                }))
                .source(src -> src.filter(f -> f.includes("slug", "type", "title", "url"))));
        return execute(request).hits().hits().stream().map(h -> h.source()).toList();
    }

    Query buildQuery(SearchQuery query, QueryAnalyzer.Analysis analysis, Match match) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.q().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        } else if (analysis.isEmpty()) {
            // Only punctuation: nothing to look for.
            bool.must(m -> m.matchNone(a -> a));
        } else {
            bool.must(textQuery(query.q(), analysis, match));
        }
        query.filters().forEach((name, values) -> {
            String field = SearchQuery.FACETS.get(name);
            if (SearchQuery.WHEN.equals(name) && !values.isEmpty()) {
                bool.filter(f -> f.bool(any -> any.should(values.stream().map(this::whenFilter).toList())
                        .minimumShouldMatch("1")));
            } else if (field != null && !values.isEmpty()) {
                List<FieldValue> fv = values.stream().map(FieldValue::of).toList();
                bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(fv))));
            }
        });
        Query base = bool.build()._toQuery();
        if (query.q().isEmpty() || analysis.isEmpty()) {
            return base;
        }
        // At comparable relevance: the city and province before elsewhere, current before expired or replaced,
        // and the type the query names (贷款 → finance products) before others.
        List<String> types = TYPE_WORDS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(analysis.text()::contains)).map(Map.Entry::getKey).toList();
        return Query.of(q -> q.functionScore(fs -> {
            fs.query(base)
                    .functions(f -> f.filter(t -> t.term(v -> v.field("region").value(site.city()))).weight(1.3))
                    .functions(f -> f.filter(t -> t.term(v -> v.field("region").value(site.province()))).weight(1.15))
                    .functions(f -> f.filter(t -> t.term(v -> v.field("validity").value("EXPIRED"))).weight(0.6))
                    .functions(f -> f.filter(t -> t.term(v -> v.field("superseded").value(true))).weight(0.6));
            types.forEach(type -> fs.functions(f -> f.filter(t -> t.term(v -> v.field("type").value(type))).weight(TYPE_WEIGHT)));
            return fs.scoreMode(FunctionScoreMode.Multiply).boostMode(FunctionBoostMode.Multiply);
        }));
    }

    /** Words that name a content type; measured on the tuning half (weight 1.5: +0.007 nDCG@10). */
    static final Map<String, List<String>> TYPE_WORDS = Map.of(
            "finance", List.of("贷", "融资", "金融", "保险", "担保", "投资", "基金"),
            "talent", List.of("人才", "专家", "特派员", "英才"),
            "achievement", List.of("成果", "专利"),
            "demand", List.of("需求", "难题", "揭榜"));
    static final double TYPE_WEIGHT = 1.5;

    /**
     * Terms rank by coverage: each aspect of the query (a word with its synonyms) scores where it
     * occurs as written. {@link Match#ALL} asks for every aspect (or the exact document number);
     * {@link Match#PARTIAL} for the rest that has some of them or of their words (measured on the tuning
     * half: a plain match of the words as the tail finds more of the relevant records than "all but one"). Filler words are never required and add a
     * little where they occur.
     */
    private static Query textQuery(String q, QueryAnalyzer.Analysis analysis, Match match) {
        List<Query> aspects = analysis.aspects().stream().map(SearchService::aspectQuery).toList();
        BoolQuery.Builder b = new BoolQuery.Builder();
        if (match == Match.ALL) {
            // Every aspect, or the document number as typed (fillers below are optional: not in this clause).
            b.must(m -> m.bool(x -> x.should(all -> all.bool(y -> y.must(aspects)))
                    .should(s -> s.term(t -> t.field("docNumber").value(q).boost(5f)))
                    .minimumShouldMatch("1")));
        } else {
            // Any aspect, or any of the query's words anywhere (ranked by how many and how rare), but not all aspects.
            b.must(m -> m.bool(x -> x.should(aspects)
                    .should(s -> s.multiMatch(mm -> mm.query(words(analysis)).fields(TEXT_FIELDS)))
                    .minimumShouldMatch("1")));
            b.mustNot(n -> n.bool(x -> x.filter(aspects)));
        }
        // The title read character by character: how much of the question the title says, however it is cut.
        b.should(s -> s.match(m -> m.field("title.std").query(analysis.text()).boost(TITLE_CHARACTERS)));
        if (!analysis.fillers().isEmpty()) {
            String fillers = String.join(" ", analysis.fillers());
            // boost 2 measured on the tuning half (+0.005 nDCG@10 over 1)
            b.should(s -> s.multiMatch(m -> m.query(fillers).fields("title^2", "summary").boost(2f)));
        }
        return b.build()._toQuery();
    }

    /** The query's words as typed (each aspect's first wording), for matches that need not be phrases. */
    private static String words(QueryAnalyzer.Analysis analysis) {
        return analysis.aspects().stream().map(a -> a.variants().get(0)).collect(Collectors.joining(" "));
    }

    /** One aspect: any of its wordings as a phrase (its words together, in order) in the title, summary, tags or body. */
    private static Query aspectQuery(QueryAnalyzer.Aspect aspect) {
        List<Query> variants = aspect.variants().stream().map(v -> Query.of(q -> q.multiMatch(m -> m.query(v)
                .type(TextQueryType.Phrase).fields(TEXT_FIELDS).tieBreaker(0.3)))).toList();
        return variants.size() == 1 ? variants.get(0) : Query.of(q -> q.disMax(d -> d.queries(variants)));
    }

    /** The weight of the title read by characters (measured on the tuning half: 1 gives +0.002 nDCG@10, 3 loses). */
    static final float TITLE_CHARACTERS = 1f;

    /** Field weights measured on the tuning half (summary 1 and body 2: +0.009 nDCG@10 over 2 and 1). */
    static final List<String> TEXT_FIELDS = List.of("title^3", "summary", "tags^2", "body^2");

    /**
     * For a short query of Chinese characters that finds few records: a title word that differs in one
     * character (创新卷 → 创新券), offered when it finds clearly more.
     */
    private String correction(SearchQuery query, QueryAnalyzer.Analysis analysis, long total) {
        String text = analysis.text();
        if (text.length() < 2 || text.length() > 8 || !text.codePoints().allMatch(c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return null;
        }
        int need = text.length() - 1;
        SearchRequest titles = SearchRequest.of(s -> s.index(config.alias()).size(10)
                .query(q -> q.match(m -> m.field("title.std").query(text).minimumShouldMatch(String.valueOf(need))))
                .source(src -> src.filter(f -> f.includes("title"))));
        List<String> found = execute(titles).hits().hits().stream().map(h -> h.source().title())
                .filter(t -> t != null && !t.isBlank()).toList();
        // A word the index or the synonym table knows as typed is no typo.
        if (found.isEmpty() || found.stream().anyMatch(t -> t.contains(text)) || analyzer.knownWords().contains(text)) {
            return null;
        }
        // A candidate is a run of whole words of a title (创新|券, not 创新|驱 of 创新驱动).
        String joined = String.join("\n", found);
        List<java.util.Set<Integer>> bounds = analyzer.wordBoundaries(joined);
        Map<String, Integer> candidates = new LinkedHashMap<>();
        for (int i = 0; i + text.length() <= joined.length(); i++) {
            String window = joined.substring(i, i + text.length());
            if (bounds.get(0).contains(i) && bounds.get(1).contains(i + text.length())
                    && differsInOneCharacter(text, window)) {
                candidates.merge(window, 1, Integer::sum);
            }
        }
        // The spelling most titles use, a word of the synonym table first.
        java.util.Set<String> known = new java.util.HashSet<>();
        analyzer.knownWords().forEach(known::add);
        List<String> ranked = candidates.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Integer> e) ->
                        e.getValue() + (known.contains(e.getKey()) ? 100 : 0)).reversed())
                .map(Map.Entry::getKey).limit(2).toList();
        for (String candidate : ranked) {
            SearchQuery corrected = new SearchQuery(candidate, query.filters(), query.sort(), 1, 1);
            SearchRequest count = SearchRequest.of(s -> s.index(config.alias()).size(0)
                    .query(buildQuery(corrected, analyzer.analyze(candidate), Match.ALL)).trackTotalHits(t -> t.enabled(true)));
            SearchResponse<SearchDocument> r = execute(count);
            long n = r.hits().total() == null ? 0 : r.hits().total().value();
            // Clearly more: at least twice as many, and at least two more.
            if (n >= 2 * total && n >= total + 2) {
                return candidate;
            }
        }
        return null;
    }

    static boolean differsInOneCharacter(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i) && ++diff > 1) {
                return false;
            }
        }
        return diff == 1;
    }

    private static Query looseQuery(String q) {
        return Query.of(x -> x.multiMatch(m -> m.query(q).fields("title^3", "summary^1.5", "body", "tags^2")
                .minimumShouldMatch("30%")));
    }

    /**
     * One value of the 活动时间 facet as a range over the event's times, relative to now in China time:
     * 未来7天 not ended and starting before the end of the 7th day from today, 本月 starting this calendar
     * month, 已结束 ended. Records without times (everything but events) match none of them.
     */
    Query whenFilter(String value) {
        java.time.Instant now = clock.now();
        java.time.LocalDate today = clock.today();
        return switch (value) {
            case "next7" -> Query.of(q -> q.bool(b -> b
                    .filter(f -> f.range(r -> r.date(d -> d.field("endsAt").gte(now.toString()))))
                    .filter(f -> f.range(r -> r.date(d -> d.field("startsAt")
                            .lt(cn.keyida.portal.common.PortalClock.startOf(today.plusDays(8)).toString()))))));
            case "month" -> Query.of(q -> q.range(r -> r.date(d -> d.field("startsAt")
                    .gte(cn.keyida.portal.common.PortalClock.startOf(today.withDayOfMonth(1)).toString())
                    .lt(cn.keyida.portal.common.PortalClock.startOf(today.withDayOfMonth(1).plusMonths(1)).toString()))));
            case "past" -> Query.of(q -> q.range(r -> r.date(d -> d.field("endsAt").lt(now.toString()))));
            default -> Query.of(q -> q.matchNone(m -> m));
        };
    }

    /** The values of the 活动时间 facet, in their order on the page. */
    static final List<String> WHEN_VALUES = List.of("next7", "month", "past");

    /**
     * Facets over the tags: each counts only its own values (the technology market's cooperation/transfer
     * modes, 1–9 maturity levels and budget/price bands), not every tag a record carries.
     */
    static final Map<String, String> TAG_FACET_VALUES = Map.of(
            "mode", "技术开发|技术转让|技术许可|技术咨询/服务|作价入股|共建平台",
            "maturity", "[1-9]级 .*",
            "band", "10万元以下|10–50万元|50–100万元|100–500万元|500万元以上|面议");

    private Aggregation facet(String name, String field) {
        if (SearchQuery.WHEN.equals(name)) {
            Map<String, Query> ranges = new LinkedHashMap<>();
            WHEN_VALUES.forEach(v -> ranges.put(v, whenFilter(v)));
            return Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(ranges))));
        }
        return Aggregation.of(a -> a.terms(t -> {
            t.field(field).size(30);
            if (TAG_FACET_VALUES.containsKey(name)) {
                t.include(i -> i.regexp(TAG_FACET_VALUES.get(name)));
            }
            if ("year".equals(name)) {
                t.order(NamedValue.of("_key", SortOrder.Desc));
            }
            return t;
        }));
    }

    private static List<SearchResult.FacetValue> buckets(Aggregate agg) {
        if (agg == null) {
            return List.of();
        }
        if (agg.isFilters()) { // 活动时间: only the ranges that hold events
            var keyed = agg.filters().buckets().keyed();
            return WHEN_VALUES.stream().filter(v -> keyed.containsKey(v) && keyed.get(v).docCount() > 0)
                    .map(v -> new SearchResult.FacetValue(v, keyed.get(v).docCount())).toList();
        }
        if (agg.isSterms()) {
            return agg.sterms().buckets().array().stream()
                    .map(b -> new SearchResult.FacetValue(b.key().stringValue(), b.docCount())).toList();
        }
        if (agg.isLterms()) {
            return agg.lterms().buckets().array().stream()
                    .map(b -> new SearchResult.FacetValue(String.valueOf(b.key()), b.docCount())).toList();
        }
        return List.of();
    }

    private SearchResponse<SearchDocument> execute(SearchRequest request) {
        try {
            try {
                return client.search(request, SearchDocument.class);
            } catch (ElasticsearchException e) {
                if (refused(e)) {
                    throw new SearchRefusedException(e);
                }
                // A search that raced with a reindex can hit the old index as it is deleted: the
                // alias already points at the new one, so one retry answers it.
                return client.search(request, SearchDocument.class);
            }
        } catch (ElasticsearchException e) {
            throw refused(e) ? new SearchRefusedException(e) : new SearchUnavailableException(e);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * Elasticsearch is up and refuses this query (400: a value its field cannot take, a malformed
     * query). A missing index (404, during a reindex), overload (429) and 5xx mean it cannot answer now.
     */
    private static boolean refused(ElasticsearchException e) {
        return e.status() == 400;
    }
}

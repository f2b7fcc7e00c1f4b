package cn.keyida.portal.search;

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

/** The one place that queries Elasticsearch for content. */
@ApplicationScoped
public class SearchService {

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final Synonyms synonyms;

    SearchService(ElasticsearchClient client, SearchConfig config, Synonyms synonyms) {
        this.client = client;
        this.config = config;
        this.synonyms = synonyms;
    }

    public SearchResult search(SearchQuery query) {
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
        SearchQuery loose = new SearchQuery(query.q(), Map.of(), SearchQuery.Sort.RELEVANCE, 1, limit);
        return search(loose, true).hits().stream().map(SearchResult.Hit::document).toList();
    }

    /**
     * Which of the given items the search matches (at most a few hundred): digests and reminders ask
     * PostgreSQL what changed and Elasticsearch which of those a saved search wants.
     */
    public java.util.Set<String> matching(SearchQuery query, java.util.Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return java.util.Set.of();
        }
        List<FieldValue> ids = slugs.stream().distinct().map(FieldValue::of).toList();
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(ids.size())
                .query(q -> q.bool(b -> b.must(buildQuery(query, false))
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

    private SearchResult search(SearchQuery query, boolean loose) {
        SearchRequest request = request(query, loose);
        SearchResponse<SearchDocument> response = execute(request);
        List<SearchResult.Hit> hits = response.hits().hits().stream()
                .map(h -> new SearchResult.Hit(h.source(), h.highlight()))
                .toList();
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        SearchQuery.FACETS.keySet().forEach(name -> facets.put(name, buckets(response.aggregations().get(name))));
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(total, query.page(), query.size(), hits, facets);
    }

    SearchRequest request(SearchQuery query, boolean loose) {
        return SearchRequest.of(s -> {
            s.index(config.alias())
                    .query(buildQuery(query, loose))
                    .from((query.page() - 1) * query.size())
                    .size(query.size())
                    // Result lists show the highlighted passage, never the whole body: leave it in the index.
                    .source(src -> src.filter(f -> f.excludes("body")))
                    .trackTotalHits(t -> t.enabled(true))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html)
                            .preTags("<mark>").postTags("</mark>")
                            .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("summary", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(1)))));
            if (query.sort() == SearchQuery.Sort.DATE || query.q().isEmpty()) {
                s.sort(o -> o.field(f -> f.field("publishDate").order(SortOrder.Desc).missing("_last")));
            } else {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                s.sort(o -> o.field(f -> f.field("publishDate").order(SortOrder.Desc).missing("_last")));
            }
            SearchQuery.FACETS.forEach((name, field) -> s.aggregations(name, facet(name, field)));
            return s;
        });
    }

    /** Titles matching a prefix of what the visitor typed, also inside a word. */
    public List<SearchDocument> suggest(String prefix, int limit) {
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty()) {
            return List.of();
        }
        String text = p.length() > 50 ? p.substring(0, 50) : p;
        SearchRequest request = SearchRequest.of(s -> s.index(config.alias()).size(limit)
                .query(q -> q.bool(b -> b
                        .should(sh -> sh.matchPhrasePrefix(m -> m.field("title.std").query(text)))
                        .should(sh -> sh.prefix(px -> px.field("title.keyword").value(text).boost(2f)))
                        .minimumShouldMatch("1")))
                .source(src -> src.filter(f -> f.includes("slug", "type", "title", "url"))));
        return execute(request).hits().hits().stream().map(h -> h.source()).toList();
    }

    Query buildQuery(SearchQuery query, boolean loose) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.q().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        } else {
            bool.must(loose ? looseQuery(query.q()) : textQuery(query.q()));
        }
        query.filters().forEach((name, values) -> {
            String field = SearchQuery.FACETS.get(name);
            if (field != null && !values.isEmpty()) {
                List<FieldValue> fv = values.stream().map(FieldValue::of).toList();
                bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(fv))));
            }
        });
        Query base = bool.build()._toQuery();
        if (query.q().isEmpty()) {
            return base;
        }
        // At comparable relevance: the city and province before elsewhere, current before expired or replaced.
        return Query.of(q -> q.functionScore(fs -> fs.query(base)
                .functions(f -> f.filter(t -> t.term(v -> v.field("region").value(config.homeCity()))).weight(1.3))
                .functions(f -> f.filter(t -> t.term(v -> v.field("region").value(config.homeProvince()))).weight(1.15))
                .functions(f -> f.filter(t -> t.term(v -> v.field("validity").value("EXPIRED"))).weight(0.6))
                .functions(f -> f.filter(t -> t.term(v -> v.field("superseded").value(true))).weight(0.6))
                .scoreMode(FunctionScoreMode.Multiply)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    /** Every whitespace-separated term must match, through itself or one of its abbreviation variants. */
    private Query textQuery(String q) {
        List<String> terms = List.of(q.split("\\s+"));
        BoolQuery.Builder all = new BoolQuery.Builder();
        for (String term : terms) {
            List<Query> variants = new ArrayList<>();
            for (String v : synonyms.variants(term)) {
                variants.add(termQuery(v));
            }
            all.must(m -> m.disMax(d -> d.queries(variants).tieBreaker(0.2)));
        }
        // A weak whole-query match lets records that contain all of it rank first.
        all.should(s -> s.matchPhrase(m -> m.field("title.std").query(q).boost(3f)));
        return all.build()._toQuery();
    }

    private static Query looseQuery(String q) {
        return Query.of(x -> x.multiMatch(m -> m.query(q).fields("title^3", "summary^1.5", "body", "tags^2")
                .minimumShouldMatch("30%")));
    }

    private static Query termQuery(String v) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.multiMatch(m -> m.query(v).type(TextQueryType.CrossFields)
                        .fields("title^3", "summary^1.5", "body", "tags^2", "owner.text", "category.text")
                        .minimumShouldMatch("2<75%")))
                .should(s -> s.matchPhrase(m -> m.field("title.std").query(v).boost(4f)))
                .should(s -> s.matchPhrase(m -> m.field("summary.std").query(v).boost(2f)))
                .should(s -> s.matchPhrase(m -> m.field("body.std").query(v)))
                .should(s -> s.term(t -> t.field("tags.keyword").value(v).boost(3f)))
                .should(s -> s.term(t -> t.field("docNumber").value(v).boost(5f)))
                .minimumShouldMatch("1")));
    }

    private static Aggregation facet(String name, String field) {
        return Aggregation.of(a -> a.terms(t -> {
            t.field(field).size(30);
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

package cn.keyida.portal.search;

import java.util.List;
import java.util.Map;

/**
 * One page of a search. {@code total} counts the records that match well (every aspect of the query);
 * when those run out, the page continues with partial matches (some of the aspects,
 * {@link Hit#partial()}), {@code partialTotal} of them in all. {@code correction} is a spelling the
 * index knows that finds clearly more ("您是不是要找"), or null.
 */
public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets,
        long partialTotal, String correction) {

    public record Hit(SearchDocument document, Map<String, List<String>> highlight, boolean partial) {}

    public record FacetValue(String value, long count) {}

    public int pages() {
        return (int) Math.min((total + partialTotal + size - 1) / size, 10_000 / size);
    }

    /** The hits that match well, in order. */
    public List<Hit> wellMatching() {
        return hits.stream().filter(h -> !h.partial()).toList();
    }

    /** The partial matches on this page ("部分匹配"), in order, after the well-matching ones. */
    public List<Hit> partialHits() {
        return hits.stream().filter(Hit::partial).toList();
    }
}

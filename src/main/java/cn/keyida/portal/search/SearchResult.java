package cn.keyida.portal.search;

import java.util.List;
import java.util.Map;

public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets) {

    public record Hit(SearchDocument document, Map<String, List<String>> highlight) {}

    public record FacetValue(String value, long count) {}

    public int pages() {
        return (int) Math.min((total + size - 1) / size, 10_000 / size);
    }
}

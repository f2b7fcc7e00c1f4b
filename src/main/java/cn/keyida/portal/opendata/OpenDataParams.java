package cn.keyida.portal.opendata;

import cn.keyida.portal.search.SearchQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Search parameters of feeds: the same names as /search, newest first. */
final class OpenDataParams {

    private OpenDataParams() {}

    static SearchQuery parse(MultivaluedMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : SearchQuery.FACETS.keySet()) {
            List<String> values = params.get(facet);
            if (values != null && !values.isEmpty()) {
                filters.put(facet, values.stream().filter(v -> v != null && !v.isBlank())
                        .map(v -> v.length() > 200 ? v.substring(0, 200) : v).toList());
            }
        }
        filters.values().removeIf(List::isEmpty);
        return new SearchQuery(params.getFirst("q"), filters, SearchQuery.Sort.DATE, 1, 30);
    }
}

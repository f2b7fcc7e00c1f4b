package cn.keyida.portal.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search as the visitor asked for it. {@code filters} maps a facet name ({@link #FACETS}) to the
 * selected values; values of one facet are OR-ed, facets are AND-ed.
 */
public record SearchQuery(String q, Map<String, List<String>> filters, Sort sort, int page, int size) {

    /** Facet name → indexed keyword field. */
    public static final Map<String, String> FACETS = facets();

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 200;

    public enum Sort { RELEVANCE, DATE }

    public SearchQuery {
        // Control characters carry no meaning for search and PostgreSQL refuses NUL in the search log.
        q = q == null ? "" : q.replaceAll("\\p{Cc}", " ").strip();
        if (q.length() > MAX_QUERY_LENGTH) {
            // Longer input carries no more meaning for search; cut instead of failing.
            q = q.substring(0, MAX_QUERY_LENGTH);
        }
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    private static Map<String, String> facets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "type");
        m.put("level", "level");
        m.put("region", "region");
        m.put("owner", "owner");
        m.put("category", "category");
        m.put("year", "year");
        m.put("validity", "validity");
        return java.util.Collections.unmodifiableMap(m);
    }
}

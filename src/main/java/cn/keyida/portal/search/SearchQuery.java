package cn.keyida.portal.search;

import java.nio.charset.StandardCharsets;
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

    /** Reads the query part of a search URL ({@code q=...&type=policy}), checked as the page checks it. */
    public static SearchQuery fromUrlQuery(String urlQuery) {
        jakarta.ws.rs.core.MultivaluedMap<String, String> params = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        if (urlQuery != null && !urlQuery.isBlank()) {
            for (String pair : urlQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.add(key, value);
            }
        }
        return SearchParams.parse(params, MAX_SIZE);
    }

    /** The words and filters as a URL query, without sort and paging: what a subscription stores. */
    public String toUrlQuery() {
        StringBuilder sb = new StringBuilder("q=").append(enc(q));
        filters.forEach((name, values) -> values.forEach(v -> sb.append('&').append(name).append('=').append(enc(v))));
        return sb.toString();
    }

    /** For people: “高企” · 类型：政策. */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(q.isEmpty() ? "全部内容" : "“" + q + "”");
        filters.forEach((name, values) -> parts.add(Labels.facet(name) + "："
                + String.join("、", values.stream().map(v -> Labels.value(name, v)).toList())));
        return String.join(" · ", parts);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
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

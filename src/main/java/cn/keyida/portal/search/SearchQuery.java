package cn.keyida.portal.search;

import cn.keyida.portal.web.InvalidInputException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search as the visitor asked for it. {@code filters} maps a facet name ({@link #FACETS}) to the
 * selected values; values of one facet are OR-ed, facets are AND-ed. The one reader of search
 * parameters ({@link #parse}, {@link #fromUrlQuery}) and the one writer of search URLs
 * ({@link #toUrlQuery}, {@link #pageHref}, {@link #feedHref}): the page, the JSON API, the feeds and
 * saved searches read and write them the same way.
 */
public record SearchQuery(String q, Map<String, List<String>> filters, Sort sort, int page, int size) {

    /** Facet name → indexed keyword field. */
    public static final Map<String, String> FACETS = facets();

    /** The 活动时间 facet of events: {@code next7} (未来7天), {@code month} (本月), {@code past} (已结束). */
    public static final String WHEN = "when";

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_FACET_VALUE_LENGTH = 200;
    static final int MAX_RESULT_WINDOW = 10_000;

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

    /**
     * Reads a search from query parameters. Paging, sort and facet values are checked
     * ({@link InvalidInputException} with a Chinese reason); unknown parameters are ignored, blank facet
     * values dropped, long ones cut.
     */
    public static SearchQuery parse(Map<String, List<String>> params, int defaultSize) {
        int page = number(first(params, "page"), 1, "page");
        int size = number(first(params, "size"), defaultSize, "size");
        if (page < 1) {
            throw new InvalidInputException("page 必须为大于等于 1 的整数");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size 必须在 1 到 " + MAX_SIZE + " 之间");
        }
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw new InvalidInputException("最多只能翻阅前 10000 条结果，请缩小搜索范围");
        }
        String sortParam = first(params, "sort");
        Sort sort;
        if (sortParam == null || sortParam.isBlank() || sortParam.equals("relevance")) {
            sort = Sort.RELEVANCE;
        } else if (sortParam.equals("date")) {
            sort = Sort.DATE;
        } else {
            throw new InvalidInputException("sort 只能是 relevance 或 date");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : FACETS.keySet()) {
            List<String> values = params.get(facet);
            if (values != null) {
                List<String> clean = values.stream().filter(v -> v != null && !v.isBlank())
                        .map(v -> v.length() > MAX_FACET_VALUE_LENGTH ? v.substring(0, MAX_FACET_VALUE_LENGTH) : v)
                        .distinct().toList();
                clean.forEach(v -> checkFacetValue(facet, v));
                if (!clean.isEmpty()) {
                    filters.put(facet, clean);
                }
            }
        }
        return new SearchQuery(first(params, "q"), filters, sort, page, size);
    }

    /** Reads the query part of a search URL ({@code q=...&type=policy}), checked as the page checks it. */
    public static SearchQuery fromUrlQuery(String urlQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (urlQuery != null && !urlQuery.isBlank()) {
            for (String pair : urlQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return parse(params, MAX_SIZE);
    }

    /** The same words with other filters, sort or page (the links of the search page). */
    public SearchQuery with(Map<String, List<String>> filters, Sort sort, int page) {
        return new SearchQuery(q, filters, sort, page, size);
    }

    /** The words and filters as a URL query, without sort and paging: what a subscription stores. */
    public String toUrlQuery() {
        StringBuilder sb = new StringBuilder("q=").append(enc(q));
        // Facets in their fixed order, so one search always has one URL.
        FACETS.keySet().forEach(name -> filters.getOrDefault(name, List.of())
                .forEach(v -> sb.append('&').append(name).append('=').append(enc(v))));
        return sb.toString();
    }

    /** This search on the search page, with its sort and page where they are not the defaults. */
    public String pageHref() {
        return "/search?" + toUrlQuery() + (sort == Sort.DATE ? "&sort=date" : "") + (page > 1 ? "&page=" + page : "");
    }

    /** The Atom feed of this search (always newest first, one page). */
    public String feedHref() {
        return "/search.atom?" + toUrlQuery();
    }

    /** For people: “高企” · 类型：政策. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(q.isEmpty() ? "全部内容" : "“" + q + "”");
        filters.forEach((name, values) -> parts.add(Labels.facet(name) + "："
                + String.join("、", values.stream().map(v -> Labels.value(name, v)).toList())));
        return String.join(" · ", parts);
    }

    /** A short title naming the search, for feeds: "创新券 - 科技政策", "科技政策 - 广元市". */
    public String title() {
        List<String> parts = new ArrayList<>();
        if (!q.isEmpty()) {
            parts.add(q);
        }
        filters.forEach((name, values) -> parts.add(String.join("、", values.stream().map(v -> Labels.value(name, v)).toList())));
        return parts.isEmpty() ? "最新内容" : String.join(" - ", parts);
    }

    /**
     * A value Elasticsearch can take for the facet's field, checked here so that a bad one is the
     * visitor's 400 and never a failed query (a year that is not a number made the index refuse the
     * whole search). Coded facets take only their codes; the free-text ones (region, owner,
     * category) any text, which a keyword field always accepts.
     */
    private static void checkFacetValue(String facet, String value) {
        if ("year".equals(facet)) {
            if (!value.matches("[12][0-9]{3}")) {
                throw new InvalidInputException("年份必须是四位数字的年份，例如 2024");
            }
        } else if (Labels.isCoded(facet) && !Labels.isCode(facet, value)) {
            throw new InvalidInputException("筛选条件“" + Labels.facet(facet) + "”的取值无效");
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " 必须是整数");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
        // events only: a date range relative to today over startsAt/endsAt (SearchService.whenFilter), not a keyword
        m.put(WHEN, "startsAt");
        // The market's facets: values its documents carry as tags (SearchService.facet keeps each to its own values).
        m.put("mode", "tags.keyword");
        m.put("maturity", "tags.keyword");
        m.put("band", "tags.keyword");
        return Collections.unmodifiableMap(m);
    }
}

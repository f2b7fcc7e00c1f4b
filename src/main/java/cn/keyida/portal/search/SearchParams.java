package cn.keyida.portal.search;

import cn.keyida.portal.web.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a search from query parameters, the same way for the page and the API. */
final class SearchParams {

    private SearchParams() {}

    static SearchQuery parse(MultivaluedMap<String, String> params, int defaultSize) {
        int page = number(params.getFirst("page"), 1, "page");
        int size = number(params.getFirst("size"), defaultSize, "size");
        if (page < 1) {
            throw new InvalidInputException("page 必须为大于等于 1 的整数");
        }
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            throw new InvalidInputException("size 必须在 1 到 " + SearchQuery.MAX_SIZE + " 之间");
        }
        if ((long) page * size > 10_000) {
            throw new InvalidInputException("最多只能翻阅前 10000 条结果，请缩小搜索范围");
        }
        String sortParam = params.getFirst("sort");
        SearchQuery.Sort sort;
        if (sortParam == null || sortParam.isBlank() || sortParam.equals("relevance")) {
            sort = SearchQuery.Sort.RELEVANCE;
        } else if (sortParam.equals("date")) {
            sort = SearchQuery.Sort.DATE;
        } else {
            throw new InvalidInputException("sort 只能是 relevance 或 date");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : SearchQuery.FACETS.keySet()) {
            List<String> values = params.get(facet);
            if (values != null) {
                List<String> clean = values.stream().filter(v -> v != null && !v.isBlank())
                        .map(v -> v.length() > 200 ? v.substring(0, 200) : v).distinct().toList();
                if (!clean.isEmpty()) {
                    filters.put(facet, clean);
                }
            }
        }
        return new SearchQuery(params.getFirst("q"), filters, sort, page, size);
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
}

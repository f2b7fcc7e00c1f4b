package cn.keyida.portal.search;

import cn.keyida.portal.web.RateLimited;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public search page: complete on the server, so it works without JavaScript. */
@Path("/search")
public class SearchPages {

    private final SearchService search;
    private final SearchLog log;
    private final PopularQueries popular;

    SearchPages(SearchService search, SearchLog log, PopularQueries popular) {
        this.search = search;
        this.log = log;
        this.popular = popular;
    }

    public record Option(String label, long count, boolean selected, String href) {}

    public record FacetGroup(String name, String label, List<Option> options) {}

    public record ActiveFilter(String label, String removeHref) {}

    /** A paging link; {@code label} names 首页/上一页/下一页/末页, empty for a page number. */
    public record PageLink(int number, String href, boolean current, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchQuery query, SearchResult result, List<FacetGroup> facets,
                List<ActiveFilter> active, List<PageLink> pages, String sortHref, String unavailable,
                List<SearchDocument> didYouMean, List<String> popular, String feedHref, String correction,
                String correctionHref);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RateLimited(RateLimited.Budget.SEARCH)
    public Response page(@Context UriInfo uri) {
        SearchQuery query = SearchQuery.parse(uri.getQueryParameters(), 10);
        try {
            SearchResult result = search.search(query);
            log.searched(query, result.total());
            boolean none = result.hits().isEmpty();
            String correctionHref = result.correction() == null ? null
                    : new SearchQuery(result.correction(), query.filters(), query.sort(), 1, query.size()).pageHref();
            return Response.ok(Templates.search(query, result, facets(query, result), active(query),
                    pages(query, result), href(query, query.filters(), query.sort() == SearchQuery.Sort.DATE
                            ? SearchQuery.Sort.RELEVANCE : SearchQuery.Sort.DATE, 1), null,
                    none ? search.relaxed(query, 5) : List.of(), none ? popular.get() : List.of(), query.feedHref(),
                    result.correction(), correctionHref)).build();
        } catch (SearchUnavailableException e) {
            return Response.status(503).header("Retry-After", "30")
                    .entity(Templates.search(query, null, List.of(), active(query), List.of(), "", e.getMessage(),
                            List.of(), List.of(), query.feedHref(), null, null))
                    .build();
        }
    }

    private static List<FacetGroup> facets(SearchQuery q, SearchResult r) {
        List<FacetGroup> groups = new ArrayList<>();
        r.facets().forEach((name, values) -> {
            if (values.isEmpty()) {
                return;
            }
            List<Option> options = values.stream().map(v -> {
                List<String> selected = q.filters().getOrDefault(name, List.of());
                boolean on = selected.contains(v.value());
                return new Option(Labels.value(name, v.value()), v.count(), on,
                        href(q, toggle(q.filters(), name, v.value()), q.sort(), 1));
            }).toList();
            groups.add(new FacetGroup(name, Labels.facet(name), options));
        });
        return groups;
    }

    private static List<ActiveFilter> active(SearchQuery q) {
        List<ActiveFilter> active = new ArrayList<>();
        q.filters().forEach((name, values) -> values.forEach(v -> active.add(new ActiveFilter(
                Labels.facet(name) + "：" + Labels.value(name, v), href(q, toggle(q.filters(), name, v), q.sort(), 1)))));
        return active;
    }

    private static List<PageLink> pages(SearchQuery q, SearchResult r) {
        List<PageLink> links = new ArrayList<>();
        int last = r.pages();
        if (q.page() > 1) {
            links.add(new PageLink(1, href(q, q.filters(), q.sort(), 1), false, "首页"));
            links.add(new PageLink(q.page() - 1, href(q, q.filters(), q.sort(), q.page() - 1), false, "上一页"));
        }
        for (int p = Math.max(1, q.page() - 4); p <= Math.min(last, q.page() + 4); p++) {
            links.add(new PageLink(p, href(q, q.filters(), q.sort(), p), p == q.page(), ""));
        }
        if (q.page() < last) {
            links.add(new PageLink(q.page() + 1, href(q, q.filters(), q.sort(), q.page() + 1), false, "下一页"));
            links.add(new PageLink(last, href(q, q.filters(), q.sort(), last), false, "末页"));
        }
        return links;
    }

    private static Map<String, List<String>> toggle(Map<String, List<String>> filters, String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, values);
        }
        return copy;
    }

    private static String href(SearchQuery q, Map<String, List<String>> filters, SearchQuery.Sort sort, int page) {
        return q.with(filters, sort, page).pageHref();
    }
}

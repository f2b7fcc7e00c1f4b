package cn.keyida.portal.opendata;

import cn.keyida.portal.web.RateLimited;
import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchQuery;
import cn.keyida.portal.search.SearchResult;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** Atom feeds of any search (/search.atom?q=…&type=…) and per type, and the OpenSearch description. */
@Path("/")
public class FeedPages {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final int FEED_SIZE = 30;

    private final SearchService search;
    private final WebConfig config;

    FeedPages(SearchService search, WebConfig config) {
        this.search = search;
        this.config = config;
    }

    public record Entry(SearchDocument document, String updated) {}

    @CheckedTemplate(basePath = "opendata")
    static class Templates {
        static native TemplateInstance atom(String title, String selfHref, String alternateHref, String base, String updated,
                List<Entry> entries);

        static native TemplateInstance opensearch(String base);
    }

    @GET
    @Path("search.atom")
    @RateLimited(RateLimited.Budget.SEARCH)
    @Produces(ATOM)
    public TemplateInstance searchFeed(@Context UriInfo uri) {
        return feed(uri.getQueryParameters());
    }

    @GET
    @Path("feeds/{type: policy|achievement|demand|talent|finance}.atom")
    @Produces(ATOM)
    public TemplateInstance typeFeed(@jakarta.ws.rs.PathParam("type") String type) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        params.add("type", type);
        return feed(params);
    }

    @GET
    @Path("opensearch.xml")
    @Produces("application/opensearchdescription+xml;charset=UTF-8")
    public TemplateInstance openSearch() {
        return Templates.opensearch(config.baseUrl());
    }

    /** Any search as a feed: the newest 30 items, whatever sort and paging the link carried. */
    private TemplateInstance feed(MultivaluedMap<String, String> params) {
        MultivaluedMap<String, String> p = new MultivaluedHashMap<>(params);
        p.putSingle("sort", "date");
        p.putSingle("size", String.valueOf(FEED_SIZE));
        p.remove("page");
        SearchQuery query = SearchQuery.parse(p, FEED_SIZE);
        // Only the records that match well: a feed carries no partial matches.
        SearchResult result = search.wellMatching(query);
        List<Entry> entries = result.hits().stream().map(h -> new Entry(h.document(),
                (h.document().publishDate() == null ? "2000-01-01" : h.document().publishDate()) + "T00:00:00+08:00")).toList();
        String title = "科易达 · " + (query.q().isEmpty() ? "最新内容" : query.q()) + (query.filters().isEmpty() ? "" : "（已筛选）");
        SearchQuery links = query.with(query.filters(), SearchQuery.Sort.RELEVANCE, 1);
        return Templates.atom(title, config.baseUrl() + links.feedHref(), config.baseUrl() + links.pageHref(),
                config.baseUrl(), entries.isEmpty() ? Instant.EPOCH.toString() : entries.get(0).updated(), entries);
    }
}

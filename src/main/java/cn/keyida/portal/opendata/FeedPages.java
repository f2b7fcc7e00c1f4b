package cn.keyida.portal.opendata;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.content.ContentViews;
import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchQuery;
import cn.keyida.portal.search.SearchResult;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.web.RateLimited;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Atom feeds of any search (/search.atom?q=…&type=…) and per type. */
@Path("/")
public class FeedPages {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final int FEED_SIZE = 30;

    private final SearchService search;
    private final ContentViews content;
    private final WebConfig config;

    FeedPages(SearchService search, ContentViews content, WebConfig config) {
        this.search = search;
        this.content = content;
        this.config = config;
    }

    public record Entry(SearchDocument document, OffsetDateTime updated) {
        /** RFC 3339 with seconds, as Atom requires (OffsetDateTime.toString leaves out ":00"). */
        public String stamp() {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updated);
        }
    }

    @CheckedTemplate(basePath = "opendata")
    static class Templates {
        static native TemplateInstance atom(String title, String selfHref, String alternateHref, String base, String updated,
                List<Entry> entries);
    }

    @GET
    @Path("search.atom")
    @RateLimited(RateLimited.Budget.SEARCH)
    @Produces(ATOM)
    public TemplateInstance searchFeed(@Context UriInfo uri) {
        return feed(uri.getQueryParameters());
    }

    @GET
    @Path("feeds/{type: policy|achievement|demand|talent|finance|event}.atom")
    @Produces(ATOM)
    public TemplateInstance typeFeed(@jakarta.ws.rs.PathParam("type") String type) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        params.add("type", type);
        return feed(params);
    }

    /**
     * Any search as a feed: the 30 best answers to a query (the newest items when there is none),
     * whatever sort and paging the link carried; each entry dated by its last change.
     */
    private TemplateInstance feed(MultivaluedMap<String, String> params) {
        MultivaluedMap<String, String> p = new MultivaluedHashMap<>(params);
        p.remove("page");
        p.putSingle("size", String.valueOf(FEED_SIZE));
        p.remove("sort");
        if (p.getFirst("q") == null || p.getFirst("q").isBlank()) {
            p.putSingle("sort", "date");
        }
        SearchQuery query = SearchQuery.parse(p, FEED_SIZE);
        // Only the records that match well: a feed carries no partial matches.
        SearchResult result = search.wellMatching(query);
        Map<String, Instant> changed = content.lastChanged(result.hits().stream().map(h -> h.document().slug()).toList());
        List<Entry> entries = result.hits().stream()
                .map(h -> new Entry(h.document(), updated(h.document(), changed.get(h.document().slug())))).toList();
        String updated = entries.stream().max(Comparator.comparing(Entry::updated)).map(Entry::stamp)
                .orElse(Instant.EPOCH.toString());
        SearchQuery links = query.with(query.filters(), SearchQuery.Sort.RELEVANCE, 1);
        return Templates.atom(query.title() + " · 科易达", config.baseUrl() + links.feedHref(),
                config.baseUrl() + links.pageHref(), config.baseUrl(), updated, entries);
    }

    /** The item's last change in China time, or the start of its publication day when unknown. */
    private static OffsetDateTime updated(SearchDocument d, Instant changed) {
        if (changed != null) {
            return changed.atZone(PortalClock.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
        }
        LocalDate day = d.publishDate() == null ? LocalDate.of(2000, 1, 1) : LocalDate.parse(d.publishDate());
        return day.atStartOfDay(PortalClock.ZONE).toOffsetDateTime();
    }
}

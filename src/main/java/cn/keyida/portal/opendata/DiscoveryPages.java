package cn.keyida.portal.opendata;

import cn.keyida.portal.search.SearchDocument;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.web.RateLimited;
import cn.keyida.portal.web.WebConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * How programs find the portal's open data: robots.txt, the OpenSearch description with its
 * suggestions, and the page that explains the API to people.
 */
@Path("/")
public class DiscoveryPages {

    private final SearchService search;
    private final WebConfig config;

    DiscoveryPages(SearchService search, WebConfig config) {
        this.search = search;
        this.config = config;
    }

    @CheckedTemplate(basePath = "opendata")
    static class Templates {
        static native TemplateInstance opensearch(String base);

        static native TemplateInstance robots(String base);

        static native TemplateInstance api(String base);
    }

    @GET
    @Path("opensearch.xml")
    @Produces("application/opensearchdescription+xml;charset=UTF-8")
    public TemplateInstance openSearch() {
        return Templates.opensearch(config.baseUrl());
    }

    /**
     * Suggestions in the OpenSearch format the description declares ({@code application/x-suggestions+json}):
     * {@code [query, [titles], [descriptions], [urls]]}, for browsers' search boxes.
     */
    @GET
    @Path("opensearch/suggest")
    @RateLimited(RateLimited.Budget.SEARCH)
    @Produces("application/x-suggestions+json;charset=UTF-8")
    public List<Object> suggestions(@QueryParam("q") String q) {
        String query = q == null ? "" : q;
        List<SearchDocument> docs = search.suggest(query, 8);
        return List.of(query, docs.stream().map(SearchDocument::title).toList(),
                docs.stream().map(d -> d.summary() == null ? "" : d.summary()).toList(),
                docs.stream().map(d -> config.baseUrl() + d.url()).toList());
    }

    @GET
    @Path("robots.txt")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public TemplateInstance robots() {
        return Templates.robots(config.baseUrl());
    }

    @GET
    @Path("open-api")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance api() {
        return Templates.api(config.baseUrl());
    }
}

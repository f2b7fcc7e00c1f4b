package cn.keyida.portal.search;

import cn.keyida.portal.web.RateLimited;
import cn.keyida.portal.web.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public JSON search API. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;
    private final SearchLog log;

    private final ObjectMapper json;

    SearchResource(SearchService search, SearchLog log, ObjectMapper json) {
        this.search = search;
        this.log = log;
        this.json = json;
    }

    public record Click(String q, String slug) {}

    public record ApiHit(String slug, String type, String title, String summary, String url, String publishDate,
            String level, String region, String owner, String category, String validity,
            Map<String, List<String>> highlight, boolean partial) {}

    /**
     * {@code total} counts the records that match well; {@code hits} continue with partial matches
     * ({@code partial: true}, {@code partialTotal} in all) when those run out. {@code correction}: a
     * spelling that finds clearly more, or null.
     */
    public record ApiResult(long total, int page, int size, List<ApiHit> hits,
            Map<String, List<SearchResult.FacetValue>> facets, long partialTotal, String correction) {}

    public record Suggestion(String slug, String type, String title, String url) {}

    @GET
    @Path("/search")
    @RateLimited(RateLimited.Budget.SEARCH)
    @Operation(summary = "全文搜索政策、成果、需求、人才与金融产品，含分面统计")
    public ApiResult search(@Context UriInfo uri) {
        SearchQuery query = SearchQuery.parse(uri.getQueryParameters(), 10);
        SearchResult r = search.search(query);
        log.searched(query, r.total());
        List<ApiHit> hits = r.hits().stream().map(h -> {
            SearchDocument d = h.document();
            return new ApiHit(d.slug(), d.type(), d.title(), d.summary(), d.url(), d.publishDate(), d.level(),
                    d.region(), d.owner(), d.category(), d.validity(), h.highlight(), h.partial());
        }).toList();
        return new ApiResult(r.total(), r.page(), r.size(), hits, r.facets(), r.partialTotal(), r.correction());
    }

    /** Which result a visitor opened (sent by the search page's script as a beacon). */
    @POST
    @Path("/search/click")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "记录搜索结果点击（不含个人信息）")
    public Response click(String body) {
        try {
            Click c = json.readValue(body, Click.class);
            if (c != null && c.slug() != null && c.slug().matches("[a-z0-9][a-z0-9-]{1,119}")) {
                log.clicked(c.q(), c.slug());
                return Response.noContent().build();
            }
        } catch (IOException e) {
            // fall through
        }
        throw new InvalidInputException("点击记录格式不正确");
    }

    @GET
    @Path("/suggest")
    @RateLimited(RateLimited.Budget.SEARCH)
    @Operation(summary = "输入联想：标题前缀（含不完整的中文词）")
    public List<Suggestion> suggest(@QueryParam("q") String q) {
        return search.suggest(q, 8).stream()
                .map(d -> new Suggestion(d.slug(), d.type(), d.title(), d.url())).toList();
    }
}

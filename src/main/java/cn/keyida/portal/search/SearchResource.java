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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "搜索词，可以是一句话（最多 200 字）")
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "内容类型，可重复",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"policy", "achievement", "demand", "talent", "finance"}))
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "层级，可重复",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"national", "provincial", "municipal"}))
    @Parameter(name = "region", in = ParameterIn.QUERY, description = "适用地区，可重复，如 广元市、四川省、全国")
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "分类，可重复（取值见 facets.category）")
    @Parameter(name = "year", in = ParameterIn.QUERY, description = "发布年份，四位数字，可重复",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1000", maximum = "2999"))
    @Parameter(name = "validity", in = ParameterIn.QUERY, description = "有效性",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"VALID", "EXPIRING", "EXPIRED"}))
    @Parameter(name = "when", in = ParameterIn.QUERY, description = "活动时间（仅活动，type=event）：未来7天、本月、已结束，可重复",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"next7", "month", "past"}))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "排序：相关度或发布日期",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "date"}, defaultValue = "relevance"))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "页码，从 1 开始",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "每页条数",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
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

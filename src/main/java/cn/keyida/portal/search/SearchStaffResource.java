package cn.keyida.portal.search;

import cn.keyida.portal.security.Roles;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For staff tuning relevance (and the benchmark): the exact Elasticsearch request a search sends. */
@Path("/api/staff/search-request")
@RolesAllowed(Roles.STAFF)
public class SearchStaffResource {

    private final SearchService search;
    private final ElasticsearchClient client;

    SearchStaffResource(SearchService search, ElasticsearchClient client) {
        this.search = search;
        this.client = client;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "一次搜索发送给 Elasticsearch 的查询（工作人员调优用）")
    public String request(@Context UriInfo uri) {
        return JsonpUtils.toJsonString(search.request(SearchQuery.parse(uri.getQueryParameters(), 10)),
                client._jsonpMapper());
    }
}

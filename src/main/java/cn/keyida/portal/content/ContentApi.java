package cn.keyida.portal.content;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Open data: one published item in the import format (personal contact data left out). */
@Path("/api/items/{slug}")
public class ContentApi {

    private final ContentViews views;

    ContentApi(ContentViews views) {
        this.views = views;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "按标识获取一条已发布内容（导入格式，不含个人联系方式）")
    public ContentRecord item(@PathParam("slug") String slug) {
        return views.publishedRecord(slug);
    }
}

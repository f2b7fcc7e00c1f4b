package cn.keyida.portal.content;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Staff JSON API: publish one record in the import format (create or update by its id). */
@Path("/api/staff/content/{slug}")
@RolesAllowed(Roles.STAFF)
public class ContentResource {

    private final ContentService content;
    private final Viewer viewer;

    ContentResource(ContentService content, Viewer viewer) {
        this.content = content;
        this.viewer = viewer;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "按导入格式发布一条内容（按 id 新增或更新，内容相同则不变）")
    public Map<String, String> put(@PathParam("slug") String slug, ContentRecord record) {
        if (record == null || !slug.equals(record.id())) {
            throw new ContentValidationException("路径中的标识与记录的 id 不一致");
        }
        return Map.of("outcome", content.upsert(record, viewer.auditName()).name());
    }
}

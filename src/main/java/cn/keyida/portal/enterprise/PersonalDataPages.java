package cn.keyida.portal.enterprise;

import cn.keyida.portal.security.RecentLogin;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** /my/data: the enterprise downloads or deletes its personal data (个人信息保护法). */
@Path("/my/data")
@RolesAllowed(Roles.ENTERPRISE)
public class PersonalDataPages {

    private final PersonalDataService data;
    private final Viewer viewer;
    private final RecentLogin recentLogin;

    PersonalDataPages(PersonalDataService data, Viewer viewer, RecentLogin recentLogin) {
        this.data = data;
        this.viewer = viewer;
        this.recentLogin = recentLogin;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(boolean deleted, String error);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("deleted") boolean deleted) {
        return Templates.page(deleted, null);
    }

    @GET
    @Path("/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        recentLogin.require("/my/data"); // a recent login, a token that is still valid at Keycloak
        Map<String, Object> export = data.export(viewer.subject());
        return Response.ok(export).header("Content-Disposition", "attachment; filename=\"keyida-my-data.json\"").build();
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(MultivaluedMap<String, String> form) {
        if (!"删除".equals(form.getFirst("confirm"))) {
            return Response.status(400).entity(Templates.page(false, "请在确认框中输入“删除”两个字")).build();
        }
        recentLogin.require("/my/data");
        data.delete(viewer.subject());
        return Response.seeOther(URI.create("/my/data?deleted=true")).build();
    }
}

package cn.keyida.portal.enterprise;

import cn.keyida.portal.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The enterprise's own area. */
@Path("/my")
@RolesAllowed(Roles.ENTERPRISE)
public class MyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home();
    }
}

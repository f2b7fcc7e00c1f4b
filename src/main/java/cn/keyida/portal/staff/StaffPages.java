package cn.keyida.portal.staff;

import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.search.SearchOutbox;
import cn.keyida.portal.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The bureau staff's start page. */
@Path("/staff")
@RolesAllowed(Roles.STAFF)
public class StaffPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(long published, long pendingIndex);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance dashboard() {
        return Templates.dashboard(ContentItem.countPublished(), SearchOutbox.pending());
    }
}

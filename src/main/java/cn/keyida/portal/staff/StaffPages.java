package cn.keyida.portal.staff;

import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedStatus;
import cn.keyida.portal.needs.Sla;
import cn.keyida.portal.search.SearchOutbox;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/** The bureau staff's start page: what is waiting, and the way to every staff function. */
@Path("/staff")
@RolesAllowed(Roles.STAFF)
public class StaffPages {

    private final Viewer viewer;

    StaffPages(Viewer viewer) {
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(long published, long pendingIndex, long submitted, long mine,
                long overdue);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance dashboard() {
        LocalDate today = Sla.today();
        long overdue = Need.count("(status = ?1 and acceptDue < ?4) or (status in ?2 and resolveDue < ?4)"
                        + " or (status = ?3 and callbackDue < ?4)",
                NeedStatus.SUBMITTED, List.of(NeedStatus.ACCEPTED, NeedStatus.ASSIGNED, NeedStatus.IN_PROGRESS),
                NeedStatus.RESOLVED, today);
        return Templates.dashboard(ContentItem.countPublished(), SearchOutbox.pending(),
                Need.count("status", NeedStatus.SUBMITTED),
                Need.count("assignee = ?1 and status in ?2", viewer.username(), NeedStatus.OPEN), overdue);
    }
}

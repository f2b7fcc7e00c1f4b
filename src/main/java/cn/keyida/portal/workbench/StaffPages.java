package cn.keyida.portal.workbench;

import cn.keyida.portal.content.ContentService;
import cn.keyida.portal.needs.NeedViews;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The bureau staff's start page: what is waiting in each feature, and the way to every staff function. */
@Path("/staff")
@RolesAllowed(Roles.STAFF)
public class StaffPages {

    private final Viewer viewer;
    private final ContentService content;
    private final SearchIndexer indexer;
    private final NeedViews needs;
    private final cn.keyida.portal.events.EventViews events;
    private final cn.keyida.portal.visits.VisitViews visits;

    StaffPages(Viewer viewer, ContentService content, SearchIndexer indexer, NeedViews needs,
            cn.keyida.portal.events.EventViews events, cn.keyida.portal.visits.VisitViews visits) {
        this.viewer = viewer;
        this.content = content;
        this.indexer = indexer;
        this.needs = needs;
        this.events = events;
        this.visits = visits;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(long published, long pendingIndex, long submitted, long mine,
                long overdue, cn.keyida.portal.events.EventViews.Totals events,
                cn.keyida.portal.visits.VisitViews.Figures visits);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        NeedViews.Workload work = needs.workload(viewer.username());
        return Templates.dashboard(content.countPublished(), indexer.pending(), work.submitted(), work.mine(),
                work.overdue(), events.totals(), visits.figures());
    }
}

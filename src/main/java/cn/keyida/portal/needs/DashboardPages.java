package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The staff dashboard of needs (the exports are on the queue). */
@Path("/staff/dashboard")
@RolesAllowed(Roles.STAFF)
public class DashboardPages {

    private final NeedStatistics statistics;
    private final PortalClock clock;

    DashboardPages(NeedStatistics statistics, PortalClock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(NeedStatistics.Figures f);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Templates.dashboard(statistics.compute(ReportPeriod.parse(from, to, clock.today())));
    }
}

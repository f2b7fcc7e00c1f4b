package cn.keyida.portal.needs;

import cn.keyida.portal.common.FigureSection;
import cn.keyida.portal.common.PortalClock;
import io.quarkus.arc.All;
import cn.keyida.portal.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The staff dashboard of needs (the exports are on the queue). */
@Path("/staff/dashboard")
@RolesAllowed(Roles.STAFF)
public class DashboardPages {

    private final NeedStatistics statistics;
    private final PortalClock clock;
    /** Other features' figures (the technology market), shown below the needs'. */
    private final List<FigureSection> sections;

    DashboardPages(NeedStatistics statistics, PortalClock clock, @All List<FigureSection> sections) {
        this.statistics = statistics;
        this.clock = clock;
        this.sections = sections;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(NeedStatistics.Figures f, List<FigureSection.Section> sections);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Templates.dashboard(statistics.compute(ReportPeriod.parse(from, to, clock.today())),
                sections.stream().map(FigureSection::staffFigures).toList());
    }
}

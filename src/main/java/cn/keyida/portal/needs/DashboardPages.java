package cn.keyida.portal.needs;

import cn.keyida.portal.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** The staff dashboard of needs, and the exports. */
@Path("/staff/dashboard")
@RolesAllowed(Roles.STAFF)
public class DashboardPages {

    private final NeedStatistics statistics;

    DashboardPages(NeedStatistics statistics) {
        this.statistics = statistics;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(NeedStatistics.Figures f);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] range = range(from, to);
        return QuarkusTransaction.requiringNew().call(() -> Templates.dashboard(statistics.compute(range[0], range[1])));
    }

    /** Defaults to the last 12 months; at most 5 years. */
    static LocalDate[] range(String from, String to) {
        LocalDate end = StaffNeedPages.date(to);
        LocalDate start = StaffNeedPages.date(from);
        end = end == null ? Sla.today() : end;
        start = start == null ? end.minusMonths(12).plusDays(1) : start;
        if (start.isAfter(end)) {
            throw new cn.keyida.portal.web.InvalidInputException("开始日期不能晚于结束日期");
        }
        if (start.isBefore(end.minusYears(5))) {
            throw new cn.keyida.portal.web.InvalidInputException("时间范围最长 5 年");
        }
        return new LocalDate[] {start, end};
    }

}

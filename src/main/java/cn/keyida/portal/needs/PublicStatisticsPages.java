package cn.keyida.portal.needs;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** 办理情况公开 as a page; {@link PublicStatisticsResource} serves the same figures as JSON. */
@Path("/service-performance")
public class PublicStatisticsPages {

    private final PublicStatistics statistics;

    PublicStatisticsPages(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @CheckedTemplate(basePath = "PublicStatistics")
    static class Templates {
        static native TemplateInstance servicePerformance(PublicStatistics.Report report);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.servicePerformance(statistics.report());
    }
}

package cn.keyida.portal.needs;

import cn.keyida.portal.common.FigureSection;
import io.quarkus.arc.All;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 办理情况公开 as a page; {@link PublicStatisticsResource} serves the same figures as JSON. */
@Path("/service-performance")
public class PublicStatisticsPages {

    private final PublicStatistics statistics;
    /** Other features' public figures (the technology market), shown below the needs'. */
    private final List<FigureSection> sections;

    PublicStatisticsPages(PublicStatistics statistics, @All List<FigureSection> sections) {
        this.statistics = statistics;
        this.sections = sections;
    }

    @CheckedTemplate(basePath = "PublicStatistics")
    static class Templates {
        static native TemplateInstance servicePerformance(PublicStatistics.Report report, List<FigureSection.Section> sections);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.servicePerformance(statistics.report(),
                sections.stream().map(FigureSection::publicFigures).toList());
    }
}

package cn.keyida.portal.needs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The figures of 办理情况公开 as JSON. */
@Path("/api/statistics")
public class PublicStatisticsResource {

    private final PublicStatistics statistics;

    PublicStatisticsResource(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "办理情况公开：近 12 个月按类别和月份统计（仅公开不少于 10 条的分组）")
    public PublicStatistics.Report statistics() {
        return statistics.report();
    }
}

package cn.keyida.portal.market;

import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.Downloads;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public page of a published demand or achievement; the owner's contact only for logged-in users. */
@Path("/market")
@Produces(MediaType.TEXT_HTML)
public class MarketPages {

    private final MarketViews views;
    private final MarketStatistics statistics;
    private final Viewer viewer;
    private final MarketAttachments attachments;

    MarketPages(MarketViews views, MarketStatistics statistics, Viewer viewer, MarketAttachments attachments) {
        this.attachments = attachments;
        this.views = views;
        this.statistics = statistics;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance published(MarketViews.Detail d, boolean canRequest);
    }

    @GET
    @Path("/{kind: demands|achievements}/{id: \\d+}")
    public TemplateInstance published(@PathParam("kind") String kind, @PathParam("id") long id) {
        MarketKind k = MarketKind.fromPath(kind).orElseThrow(NotFoundException::new);
        boolean canRequest = k == MarketKind.ACHIEVEMENT ? viewer.isEnterprise() : viewer.isInstitution();
        return Templates.published(views.published(k, id, viewer.isLoggedIn()), canRequest);
    }

    /** A file of a published achievement. */
    @GET
    @Path("/achievements/{id: \\d+}/files/{marketFile: \\d+}")
    public Response file(@PathParam("id") long id, @PathParam("marketFile") long file) {
        MarketAttachments.File f = attachments.file(id, file, MarketAttachments.Reader.PUBLIC, null);
        return Downloads.upload(f.fileName(), f.contentType(), f.data());
    }

    /** The public market figures of /service-performance as .xlsx (small groups left out). */
    @GET
    @Path("/figures.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response figures() {
        return Downloads.export(statistics.xlsx(true), "market-figures.xlsx");
    }
}

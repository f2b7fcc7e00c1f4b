package cn.keyida.portal.vouchers;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
import cn.keyida.portal.web.Downloads;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Experts named by staff review large applications: the list, the application, the opinion. */
@Path("/expert/vouchers")
@RolesAllowed(Roles.EXPERT)
@Produces(MediaType.TEXT_HTML)
public class ExpertVoucherPages {

    private final VoucherWorkflow workflow;
    private final VoucherViews views;
    private final Viewer viewer;

    ExpertVoucherPages(VoucherWorkflow workflow, VoucherViews views, Viewer viewer) {
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "vouchers")
    static class Templates {
        static native TemplateInstance expertList(List<VoucherViews.Row> rows);

        static native TemplateInstance expertDetail(VoucherViews.Detail d, Map<String, String> values,
                Map<String, String> errors, String error);
    }

    @GET
    public TemplateInstance list() {
        return Templates.expertList(views.expertList(viewer.username()));
    }

    @GET
    @Path("/{voucher: \\d+}")
    public TemplateInstance detail(@PathParam("voucher") long id) {
        return Templates.expertDetail(views.expertDetail(viewer.username(), id), Map.of(), Map.of(), null);
    }

    @POST
    @Path("/{voucher: \\d+}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("voucher") long id, MultivaluedMap<String, String> form) {
        views.expertDetail(viewer.username(), id);
        try {
            workflow.recordOpinion(viewer.username(), id, VoucherInput.version(form.getFirst("version")),
                    form.getFirst("recommend"), form.getFirst("opinion"), viewer.auditName());
        } catch (RuntimeException e) {
            if (!VoucherForms.handled(e)) {
                throw e;
            }
            Map<String, String> errors = e instanceof FieldErrors f ? f.errors() : Map.of();
            return Response.status(VoucherForms.status(e)).entity(Templates.expertDetail(
                    views.expertDetail(viewer.username(), id), VoucherForms.values(form), errors, e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/expert/vouchers/" + id)).build();
    }

    @GET
    @Path("/{voucher: \\d+}/files/{file: \\d+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("voucher") long id, @PathParam("file") long file) {
        VoucherFile f = views.expertFile(viewer.username(), id, file);
        return Downloads.upload(f.fileName, f.contentType, f.data);
    }
}

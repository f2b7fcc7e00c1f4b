package cn.keyida.portal.experts;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.security.Viewer;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** The public expert cards (no contact details) and an enterprise's request for advice from a card. */
@Path("/experts")
@Produces(MediaType.TEXT_HTML)
public class PublicExpertPages {

    private final AssignmentWorkflow workflow;
    private final ExpertViews views;
    private final Viewer viewer;

    PublicExpertPages(AssignmentWorkflow workflow, ExpertViews views, Viewer viewer) {
        this.workflow = workflow;
        this.views = views;
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "experts")
    static class Templates {
        static native TemplateInstance directory(ExpertViews.Directory d);

        static native TemplateInstance card(ExpertViews.Card c, Map<String, String> values, Map<String, String> errors,
                String error, String asked);
    }

    @GET
    public TemplateInstance directory(@QueryParam("field") String field) {
        return Templates.directory(views.directory(field));
    }

    @GET
    @Path("/{poolExpert: \\d+}")
    public TemplateInstance card(@PathParam("poolExpert") long id, @QueryParam("asked") String asked) {
        return Templates.card(views.card(id), Map.of(), Map.of(), null, asked);
    }

    @POST
    @Path("/{poolExpert: \\d+}/ask")
    @RolesAllowed(Roles.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("poolExpert") long id, MultivaluedMap<String, String> form) {
        ExpertAssignment a;
        try {
            a = workflow.askForAdvice(viewer.subject(), id, form.getFirst("title"), form.getFirst("question"),
                    viewer.auditName());
        } catch (RuntimeException e) {
            if (!ExpertForms.handled(e)) {
                throw e;
            }
            return Response.status(ExpertForms.status(e)).entity(Templates.card(views.card(id), ExpertForms.values(form),
                    e instanceof FieldErrors f ? f.errors() : Map.of(), e instanceof FieldErrors ? null : e.getMessage(),
                    null)).build();
        }
        return Response.seeOther(URI.create("/my/needs/" + a.trackingNo)).build();
    }
}
